// The call notice (avis d'échéance) of one contribution call: amount, due date, the fund's IBAN, the structured
// communication and an EPC QR code to pay it. A tagged PDF (structure tree, document language, alt text on the
// QR figure) in the affiliate's language; every sentence comes from the moNotice catalogue.

import { renderTaggedPdf } from "@/lib/formats/pdf/tagged-pdf";
import { serverTranslator } from "@/lib/i18n/translator";
import { epcQrPng } from "@/lib/formats/epc-qr";
import { formatIban, formatLongDate, formatMoney, formatStructuredCommunication } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";

export type CallNoticeInput = {
  locale: AppLocale;
  memberNumber: string;
  addressee: string;
  address: string[];
  call: { kind: string; year: number; quarter: number; totalCents: number; contributionCents: number; managementFeeCents: number; dueOn: string; structuredCommunication: string };
  fund: { name: string; iban: string; bic: string; address: string; phone: string; email: string };
  /** an English courtesy copy of a notice issued in this official language (which alone is authentic) */
  courtesyOf?: AppLocale;
};



/** The notice's text (tests check the content independently of the PDF encoding). */
export function callNoticeText(input: CallNoticeInput) {
  const t = serverTranslator(input.locale, "moNotice");
  const money = (c: number) => formatMoney(input.locale, c);
  const communication = formatStructuredCommunication(input.call.structuredCommunication);
  const label = t("label", { kind: input.call.kind, year: input.call.year, quarter: input.call.quarter });
  return {
    title: t("title", { label }),
    qrAlt: t("qrAlt", { amount: money(input.call.totalCents), iban: formatIban(input.fund.iban), communication }),
    blocks: [
      ...(input.courtesyOf ? [{ text: t("courtesy", { language: serverTranslator(input.locale, "languageName")(input.courtesyOf) }) }] : []),
      { text: [input.addressee, ...input.address, t("addressee", { memberNumber: input.memberNumber })].join("\n") },
      { heading: t("amountHeading"), text: t("amount", { amount: money(input.call.totalCents), contribution: money(input.call.contributionCents), fee: money(input.call.managementFeeCents) }) },
      { heading: t("dueHeading"), text: t("due", { dueOn: formatLongDate(input.locale, input.call.dueOn) }) },
      { heading: t("howHeading"), text: t("how", { iban: formatIban(input.fund.iban), bic: input.fund.bic, fund: input.fund.name, communication }) },
      { heading: t("contactHeading"), text: t("contact", { fund: input.fund.name, address: input.fund.address, phone: input.fund.phone, email: input.fund.email }) },
    ] as { heading?: string; text: string }[],
  };
}

export async function renderCallNotice(input: CallNoticeInput): Promise<Buffer> {
  const content = callNoticeText(input);
  const qr = await epcQrPng({ beneficiaryName: input.fund.name, iban: input.fund.iban, bic: input.fund.bic, amountCents: input.call.totalCents, structuredCommunication: input.call.structuredCommunication }, 240);
  return renderTaggedPdf(content, { locale: input.locale, author: input.fund.name, subject: input.call.structuredCommunication }, [{ image: qr, alt: content.qrAlt, width: 140 }]);
}
