// The motivated decision letter (Charte de l'assuré social art. 13–14): reasons, legal basis, appeal route to the
// labour court within 3 months, contact person. A tagged PDF (PDF/UA structure, document language set) in the
// affiliate's language; every sentence comes from the bo_letter catalogue.
import { renderTaggedPdf } from "./tagged-pdf";
import { createTranslator } from "next-intl";
import frBackOffice from "@/lib/i18n/messages/fr/back-office.json";
import nlBackOffice from "@/lib/i18n/messages/nl/back-office.json";
import frCommon from "@/lib/i18n/messages/fr/common.json";
import nlCommon from "@/lib/i18n/messages/nl/common.json";

export type DecisionLetterInput = {
  locale: "fr" | "nl";
  reference: string;
  type: string;
  filedOn: string;
  decidedOn: string;
  addressee: string;
  address: string[];
  memberNumber: string;
  reasonCode: string;
  reasonText: string;
  contactName: string;
  fund: { name: string; address: string; phone: string; email: string } | null;
};

function formatDay(locale: "fr" | "nl", iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Intl.DateTimeFormat(locale === "nl" ? "nl-BE" : "fr-BE", { dateStyle: "long", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** The letter's paragraphs (also used by tests to check the content independently of PDF encoding). */
export function decisionLetterText(input: DecisionLetterInput): { title: string; blocks: { heading?: string; text: string }[] } {
  const messages = input.locale === "nl" ? { ...nlCommon, ...nlBackOffice } : { ...frCommon, ...frBackOffice };
  const t = createTranslator({ locale: input.locale, messages, namespace: "bo_letter" });
  const tt = createTranslator({ locale: input.locale, messages, namespace: "requestType" });
  const tr = createTranslator({ locale: input.locale, messages, namespace: "bo_reasons" });
  const typeLabel = tt(input.type as "QUESTION");
  const reasonKnown = tr.has(input.reasonCode as "conditionsNotMet");
  const reason = reasonKnown ? tr(input.reasonCode as "conditionsNotMet") : input.reasonCode;
  const legalKey = `legalBasis.${input.type}` as "legalBasis.REDUCTION";
  return {
    title: t("title", { type: typeLabel }),
    blocks: [
      { text: [input.addressee, ...input.address].join("\n") },
      { text: t("references", { reference: input.reference, memberNumber: input.memberNumber, date: formatDay(input.locale, input.decidedOn) }) },
      { heading: t("decisionHeading"), text: t("decision", { type: typeLabel, filedOn: formatDay(input.locale, input.filedOn) }) },
      { heading: t("reasonsHeading"), text: [reason, input.reasonText].filter(Boolean).join("\n") },
      { heading: t("legalBasisHeading"), text: t.has(legalKey) ? t(legalKey) : t("legalBasis.default") },
      { heading: t("appealHeading"), text: t("appeal") },
      { heading: t("contactHeading"), text: t("contact", { name: input.contactName, phone: input.fund?.phone ?? "", email: input.fund?.email ?? "" }) },
      { text: input.fund ? `${input.fund.name}\n${input.fund.address}` : "" },
    ],
  };
}

export function renderDecisionLetter(input: DecisionLetterInput): Promise<Buffer> {
  return renderTaggedPdf(decisionLetterText(input), { locale: input.locale, author: input.fund?.name ?? "", subject: input.reference });
}
