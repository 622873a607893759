// The welcome pack of a new affiliate: the fund's service commitment in short (its latest version,
// docs/domain.md §11: its promises, not a copy), the member number and category, the advisor ("votre
// interlocuteur"), how contributions are called and paid (the fund's IBAN), links to the guides and the
// simulator. A tagged PDF in the affiliate's language; every sentence comes from the bo_welcome catalogue.

import { serverTranslator } from "@/lib/i18n/translator";
import { formatIban, formatLongDate } from "@/lib/format";
import { renderTaggedPdf, type PdfContent } from "@/lib/formats/pdf/tagged-pdf";
import type { AppLocale } from "@/lib/i18n/config";

export type WelcomePackInput = {
  locale: AppLocale;
  date: string;
  addressee: string;
  address: string[];
  memberNumber: string;
  category: string;
  startOn: string;
  advisorName: string | null;
  fund: { name: string; iban: string; bic: string; address: string; phone: string; email: string };
  /** the portal's public address, e.g. 'https://portail.caisse.be' ('' prints the paths alone) */
  baseUrl: string;
};

/** The public pages the pack points to. */
export const WELCOME_LINKS = {
  starting: "/guides/starting",
  difficulties: "/guides/payment-difficulties",
  family: "/guides/family",
  health: "/guides/health",
  pension: "/guides/pension",
  simulator: "/simulator",
  documents: "/me/documents",
} as const;



/** The pack's paragraphs (also used by tests to check the content independently of PDF encoding). */
export function welcomePackText(input: WelcomePackInput): PdfContent {
  const t = serverTranslator(input.locale, "bo_welcome");
  const tc = serverTranslator(input.locale, "category");
  const base = input.baseUrl.replace(/\/+$/, "");
  const links = Object.fromEntries(Object.entries(WELCOME_LINKS).map(([k, path]) => [k, `${base}${path}`])) as Record<keyof typeof WELCOME_LINKS, string>;
  const f = input.fund;
  const category = tc.has(input.category as "MAIN") ? tc(input.category as "MAIN") : input.category;
  return {
    title: t("title", { fund: f.name }),
    blocks: [
      { text: [input.addressee, ...input.address].join("\n") },
      { text: t("references", { memberNumber: input.memberNumber, date: formatLongDate(input.locale, input.date) }) },
      { heading: t("dossierHeading"), text: t("dossier", { startOn: formatLongDate(input.locale, input.startOn), category, memberNumber: input.memberNumber }) },
      {
        heading: t("advisorHeading"),
        text: input.advisorName ? t("advisor", { name: input.advisorName, phone: f.phone, email: f.email }) : t("advisorNone", { phone: f.phone, email: f.email }),
      },
      { heading: t("commitmentHeading"), text: t("commitment") },
      { heading: t("contributionsHeading"), text: t("contributions", { iban: formatIban(f.iban), bic: f.bic, fund: f.name }) },
      { heading: t("linksHeading"), text: t("links", links) },
      { text: `${t("closing")}\n${f.name}\n${f.address}` },
    ],
  };
}

export function renderWelcomePack(input: WelcomePackInput): Promise<Buffer> {
  return renderTaggedPdf(welcomePackText(input), { locale: input.locale, author: input.fund.name, subject: input.memberNumber });
}
