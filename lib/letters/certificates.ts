// The affiliate's certificates as tagged PDFs (document language set, headings and paragraphs structured): the
// tax certificate of the contributions paid in a year and the affiliation certificate. Every sentence comes from
// the ss_pdf catalogue (dates in words; the payments' value dates as in a table, 02/12/2026); the text functions
// are exported so tests can check the content independently of PDF encoding.

import { renderTaggedPdf, type PdfBlock as Block, type PdfContent } from "@/lib/formats/pdf/tagged-pdf";
import { serverTranslator } from "@/lib/i18n/translator";
import type { AffiliationCertificate, TaxCertificate } from "@/lib/dto/documents";
import { formatDate, formatEnterpriseNumber, formatLongDate, formatMoney, formatNiss } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";

type Locale = AppLocale;

function translator(locale: Locale) {
  return serverTranslator(locale);
}

function holderBlock(t: ReturnType<typeof translator>, c: TaxCertificate | AffiliationCertificate): Block {
  const id = c.holder.identifierKind === "niss" ? t("ss_pdf.niss", { niss: formatNiss(c.holder.identifier) }) : t("ss_pdf.enterprise", { number: formatEnterpriseNumber(c.holder.identifier) });
  return { text: [c.holder.name, ...c.holder.address, id, t("ss_pdf.memberNumber", { memberNumber: c.holder.memberNumber })].join("\n") };
}

export function taxCertificateText(locale: Locale, c: TaxCertificate): PdfContent {
  const t = translator(locale);
  const money = (cents: number) => formatMoney(locale, cents);
  return {
    title: t("ss_pdf.tax.title", { year: c.year }),
    blocks: [
      holderBlock(t, c),
      { text: t("ss_pdf.tax.statement", { fund: c.fund.name, name: c.holder.name, year: c.year }) },
      {
        heading: t("ss_pdf.tax.paymentsHeading"),
        text:
          c.payments.length === 0
            ? t("ss_pdf.tax.noPayments", { year: c.year })
            : c.payments
                .map((p) => t("ss_pdf.tax.paymentLine", { date: formatDate(locale, p.valueOn), contribution: money(p.contributionCents), fee: money(p.feeCents), surcharge: money(p.surchargeCents) }))
                .join("\n"),
      },
      {
        heading: t("ss_pdf.tax.totalsHeading"),
        text: [
          t("ss_pdf.tax.totalContribution", { amount: money(c.totals.contributionCents) }),
          t("ss_pdf.tax.totalFee", { amount: money(c.totals.feeCents) }),
          t("ss_pdf.tax.totalDeductible", { amount: money(c.totals.deductibleCents) }),
          t("ss_pdf.tax.totalSurcharge", { amount: money(c.totals.surchargeCents) }),
        ].join("\n"),
      },
      { text: t("ss_pdf.issued", { date: formatLongDate(locale, c.issuedOn), fund: c.fund.name, address: c.fund.address }) },
    ],
  };
}

export function affiliationCertificateText(locale: Locale, c: AffiliationCertificate): PdfContent {
  const t = translator(locale);
  const lines = c.affiliations.flatMap((a) =>
    a.periods.map((p) =>
      p.toOn
        ? t("ss_pdf.affiliation.periodClosed", { category: t(`category.${p.category}`), from: formatLongDate(locale, p.fromOn), to: formatLongDate(locale, p.toOn) })
        : t("ss_pdf.affiliation.periodOpen", { category: t(`category.${p.category}`), from: formatLongDate(locale, p.fromOn) }),
    ),
  );
  return {
    title: t("ss_pdf.affiliation.title"),
    blocks: [
      holderBlock(t, c),
      { text: t("ss_pdf.affiliation.statement", { fund: c.fund.name, name: c.holder.name }) },
      { heading: t("ss_pdf.affiliation.periodsHeading"), text: lines.length ? lines.join("\n") : t("ss_pdf.affiliation.none") },
      { text: t("ss_pdf.issued", { date: formatLongDate(locale, c.issuedOn), fund: c.fund.name, address: c.fund.address }) },
    ],
  };
}

export function renderPdf(locale: Locale, content: PdfContent, author: string): Promise<Buffer> {
  return renderTaggedPdf(content, { locale, author });
}
