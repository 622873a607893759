// Recovery letters (reminder, account statement, formal notice) as tagged PDFs in the debtor's language; every
// sentence comes from the bo_recoveryLetter catalogue. The formal notice announces the mandatory personal contact
// before any bailiff or lawyer.

import { renderTaggedPdf } from "@/lib/formats/pdf/tagged-pdf";
import { serverTranslator } from "@/lib/i18n/translator";
import { formatIban, formatLongDate, formatMoney } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";

export const LETTER_STEPS = ["REMINDER", "ACCOUNT_STATEMENT", "FORMAL_NOTICE"] as const;

export type LetterStep = (typeof LETTER_STEPS)[number];

export type RecoveryLetterInput = {
  locale: AppLocale;
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




export function recoveryLetterText(input: RecoveryLetterInput): { title: string; blocks: { heading?: string; text: string }[] } {
  const t = serverTranslator(input.locale, "bo_recoveryLetter");
  const tk = serverTranslator(input.locale, "callKind");
  const amount = formatMoney(input.locale, input.debtCents);
  const blocks: { heading?: string; text: string }[] = [
    { text: [input.addressee, ...input.address].join("\n") },
    { text: t("references", { memberNumber: input.memberNumber, date: formatLongDate(input.locale, input.on) }) },
    { text: t(`body.${input.step}`, { amount, oldestDueOn: formatLongDate(input.locale, input.oldestDueOn), iban: formatIban(input.fund?.iban ?? "") }) },
  ];
  if (input.lines.length > 0)
    blocks.push({
      heading: t("statementHeading"),
      text: input.lines.map((l) => t("statementLine", { period: t("period", { kind: tk(l.kind), year: String(l.year), quarter: l.quarter }), amount: formatMoney(input.locale, l.amountCents) })).join("\n"),
    });
  blocks.push({ heading: t("helpHeading"), text: t("help") });
  blocks.push({ heading: t("contactHeading"), text: t("contact", { name: input.contactName, phone: input.fund?.phone ?? "", email: input.fund?.email ?? "" }) });
  if (input.fund) blocks.push({ text: `${input.fund.name}\n${input.fund.address}` });
  return { title: t(`title.${input.step}`), blocks };
}

export function renderRecoveryLetter(input: RecoveryLetterInput): Promise<Buffer> {
  return renderTaggedPdf(recoveryLetterText(input), { locale: input.locale, author: input.fund?.name ?? "" });
}
