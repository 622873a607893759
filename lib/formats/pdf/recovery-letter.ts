// Recovery letters (reminder, account statement, formal notice) as tagged PDFs in the debtor's language; every
// sentence comes from the bo_recoveryLetter catalogue. The formal notice announces the mandatory personal contact
// before any bailiff or lawyer.
import { renderTaggedPdf } from "./tagged-pdf";
import { createTranslator } from "next-intl";
import frBackOffice from "@/lib/i18n/messages/fr/back-office.json";
import nlBackOffice from "@/lib/i18n/messages/nl/back-office.json";
import frCommon from "@/lib/i18n/messages/fr/common.json";
import nlCommon from "@/lib/i18n/messages/nl/common.json";

export const LETTER_STEPS = ["REMINDER", "ACCOUNT_STATEMENT", "FORMAL_NOTICE"] as const;
export type LetterStep = (typeof LETTER_STEPS)[number];

export type RecoveryLetterInput = {
  locale: "fr" | "nl";
  step: LetterStep;
  on: string;
  addressee: string;
  address: string[];
  memberNumber: string;
  debtCents: number;
  oldestDueOn: string;
  lines: { kind: "PROVISIONAL" | "REGULARISATION" | "COMPANY"; year: number; quarter: number; amountCents: number }[];
  contactName: string;
  fund: { name: string; address: string; phone: string; email: string; iban: string } | null;
};

const tag = (locale: "fr" | "nl") => (locale === "nl" ? "nl-BE" : "fr-BE");
const money = (locale: "fr" | "nl", cents: number) => new Intl.NumberFormat(tag(locale), { style: "currency", currency: "EUR" }).format(cents / 100);
function day(locale: "fr" | "nl", iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: "long", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function recoveryLetterText(input: RecoveryLetterInput): { title: string; blocks: { heading?: string; text: string }[] } {
  const messages = input.locale === "nl" ? { ...nlCommon, ...nlBackOffice } : { ...frCommon, ...frBackOffice };
  const t = createTranslator({ locale: input.locale, messages, namespace: "bo_recoveryLetter" });
  const tk = createTranslator({ locale: input.locale, messages, namespace: "callKind" });
  const amount = money(input.locale, input.debtCents);
  const blocks: { heading?: string; text: string }[] = [
    { text: [input.addressee, ...input.address].join("\n") },
    { text: t("references", { memberNumber: input.memberNumber, date: day(input.locale, input.on) }) },
    { text: t(`body.${input.step}`, { amount, oldestDueOn: day(input.locale, input.oldestDueOn), iban: input.fund?.iban ?? "" }) },
  ];
  if (input.lines.length > 0)
    blocks.push({ heading: t("statementHeading"), text: input.lines.map((l) => `${t("period", { kind: tk(l.kind), year: String(l.year), quarter: l.quarter })}: ${money(input.locale, l.amountCents)}`).join("\n") });
  blocks.push({ heading: t("helpHeading"), text: t("help") });
  blocks.push({ heading: t("contactHeading"), text: t("contact", { name: input.contactName, phone: input.fund?.phone ?? "", email: input.fund?.email ?? "" }) });
  if (input.fund) blocks.push({ text: `${input.fund.name}\n${input.fund.address}` });
  return { title: t(`title.${input.step}`), blocks };
}

export function renderRecoveryLetter(input: RecoveryLetterInput): Promise<Buffer> {
  return renderTaggedPdf(recoveryLetterText(input), { locale: input.locale, author: input.fund?.name ?? "" });
}
