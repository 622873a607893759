// The motivated decision letter (Charte de l'assuré social art. 13–14): reasons, legal basis, appeal route to the
// labour court within 3 months, contact person. A tagged PDF (PDF/UA structure, document language set) in the
// affiliate's language; every sentence comes from the bo_letter catalogue.

import { renderTaggedPdf } from "@/lib/formats/pdf/tagged-pdf";
import { serverTranslator } from "@/lib/i18n/translator";
import { formatLongDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";

export type DecisionLetterInput = {
  locale: AppLocale;
  reference: string;
  type: string;
  filedOn: string;
  decidedOn: string;
  addressee: string;
  address: string[];
  memberNumber: string;
  /** refused (the default) or accepted; an acceptance says what changes (effect) */
  outcome?: "accepted" | "refused";
  effect?: string;
  reasonCode: string;
  reasonText: string;
  contactName: string;
  fund: { name: string; address: string; phone: string; email: string } | null;
};


/** The letter's paragraphs (also used by tests to check the content independently of PDF encoding). */
export function decisionLetterText(input: DecisionLetterInput): { title: string; blocks: { heading?: string; text: string }[] } {
  const t = serverTranslator(input.locale, "bo_letter");
  const tt = serverTranslator(input.locale, "requestType");
  const tr = serverTranslator(input.locale, "bo_reasons");
  const typeLabel = tt(input.type as "QUESTION");
  const reasonKnown = tr.has(input.reasonCode as "conditionsNotMet");
  const reason = reasonKnown ? tr(input.reasonCode as "conditionsNotMet") : input.reasonCode;
  const legalKey = `legalBasis.${input.type}` as "legalBasis.REDUCTION";
  return {
    title: t("title", { type: typeLabel }),
    blocks: [
      { text: [input.addressee, ...input.address].join("\n") },
      { text: t("references", { reference: input.reference, memberNumber: input.memberNumber, date: formatLongDate(input.locale, input.decidedOn) }) },
      { heading: t("decisionHeading"), text: t(input.outcome === "accepted" ? "decisionAccepted" : "decision", { type: typeLabel, filedOn: formatLongDate(input.locale, input.filedOn) }) },
      ...(input.effect ? [{ heading: t("effectHeading"), text: input.effect }] : []),
      ...(reason || input.reasonText ? [{ heading: t("reasonsHeading"), text: [reason, input.reasonText].filter(Boolean).join("\n") }] : []),
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
