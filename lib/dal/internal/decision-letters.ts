import "server-only";
import { isoDate } from "@/lib/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import { type DbRequestType } from "@/lib/db/enums";
import { renderDecisionLetter } from "@/lib/letters/decision-letter";
import { recipientOf } from "@/lib/letters/recipient";
import { findFund } from "@/lib/dal/internal/reference-data";
import { serverTranslator } from "@/lib/i18n/translator";
import { formatLongDate, formatMoney } from "@/lib/format";
import { type ChangedCall } from "@/lib/dal/internal/contribution-change-effect";
import type { AppLocale } from "@/lib/i18n/config";

type Tx = Prisma.TransactionClient;

/** The requests whose decision is a motivated letter (Charte de l'assuré social art. 13–14). A question or complaint
 *  is answered in its thread; an affiliation has its welcome pack; INASTI's decisions are INASTI's letters. */
const LETTER_TYPES: readonly DbRequestType[] = ["PAYMENT_PLAN", "REDUCTION", "INCREASE", "EXEMPTION", "SURCHARGE_WAIVER", "MATERNITY_AID", "BRIDGING_RIGHT", "CAREGIVER_ALLOWANCE", "END_OF_ACTIVITY", "ILLNESS_ASSIMILATION", "CONTINUED_INSURANCE", "JOINT_LIABILITY_RELEASE"];

/**
 * Writes the decision letter of an accepted or refused request into the dossier's documents (once per request:
 * unique key), in the affiliate's language, with what an acceptance changes for them in words, euros and dates.
 * Returns whether the request's type calls for a letter (and so for a notice to the affiliate).
 */
export async function issueDecisionLetter(
  tx: Tx,
  r: { id: string; reference: string; type: DbRequestType; affiliateId: string | null; filedOn: Date; payload: unknown },
  decision: { outcome: "accepted" | "refused"; reasonCode: string; text: string; decidedById: string; changedCalls?: ChangedCall[] },
  today: string,
): Promise<boolean> {
  if (!r.affiliateId || !LETTER_TYPES.includes(r.type)) return false;
  const [a, fund, decider] = await Promise.all([
    tx.affiliate.findUniqueOrThrow({ where: { id: r.affiliateId }, include: { person: true, company: true, advisor: { select: { name: true } } } }),
    findFund(tx),
    tx.user.findUnique({ where: { id: decision.decidedById }, select: { name: true } }),
  ]);
  const effect = decision.outcome === "accepted" ? await effectOf(tx, r, a.language, decision.changedCalls ?? []) : undefined;
  const letter = await renderDecisionLetter({
    locale: a.language,
    reference: r.reference,
    type: r.type,
    decidedOn: today,
    filedOn: isoDate(r.filedOn),
    ...recipientOf(a),
    memberNumber: a.memberNumber,
    outcome: decision.outcome,
    effect,
    reasonCode: decision.reasonCode,
    reasonText: decision.text,
    contactName: a.advisor?.name ?? decider?.name ?? "",
    fund: fund ? { name: fund.name, address: fund.address, phone: fund.phone, email: fund.email } : null,
  });
  await tx.document.upsert({
    where: { uniqueKey: `decision:${r.id}` },
    update: {},
    create: {
      affiliateId: r.affiliateId,
      requestId: r.id,
      kind: "DECISION",
      fileName: `decision-${r.reference}.pdf`,
      mimeType: "application/pdf",
      sizeBytes: letter.length,
      content: new Uint8Array(letter),
      uniqueKey: `decision:${r.id}`,
    },
  });
  return true;
}

/** What an acceptance changes, in the affiliate's words: the new quarterly amount, or the plan's instalments. */
async function effectOf(tx: Tx, r: { id: string; type: DbRequestType; payload: unknown }, locale: AppLocale, changed: ChangedCall[]): Promise<string | undefined> {
  const t = serverTranslator(locale, "bo_letter");
  if (r.type === "REDUCTION" || r.type === "INCREASE") {
    const p = r.payload as { year?: number; estimatedIncomeCents?: number; newQuarterlyCents?: number };
    if (typeof p.year !== "number" || typeof p.estimatedIncomeCents !== "number") return undefined;
    const amount = changed.length > 0 ? changed[changed.length - 1].newCents : (p.newQuarterlyCents ?? 0);
    return t("effect.change", { year: p.year, income: formatMoney(locale, p.estimatedIncomeCents), amount: formatMoney(locale, amount), count: changed.length });
  }
  if (r.type === "END_OF_ACTIVITY") {
    const p = r.payload as { lastDayOn?: string; lastQuarter?: { year: number; quarter: number } };
    if (typeof p.lastDayOn !== "string" || !p.lastQuarter) return undefined;
    const cancelled = changed.map((c) => t("effect.quarter", { quarter: c.quarter, year: c.year })).join(", ");
    return t("effect.endOfActivity", { lastDay: formatLongDate(locale, p.lastDayOn), quarter: p.lastQuarter.quarter, year: p.lastQuarter.year, count: changed.length, cancelled });
  }
  if (r.type === "ILLNESS_ASSIMILATION") {
    const p = r.payload as { firstQuarter?: { year: number; quarter: number }; lastQuarter?: { year: number; quarter: number } | null };
    if (!p.firstQuarter) return undefined;
    const q = (x: { year: number; quarter: number }) => t("effect.quarterPlain", { quarter: x.quarter, year: x.year });
    return t("effect.assimilation", { from: q(p.firstQuarter), to: p.lastQuarter ? q(p.lastQuarter) : "open", count: changed.length });
  }
  if (r.type === "CONTINUED_INSURANCE") {
    // the period and the option; the quarterly amount is set by the fund and sent with the first call, not invented here
    const p = r.payload as { option?: string; firstQuarter?: { year: number; quarter: number }; lastQuarter?: { year: number; quarter: number } };
    if (!p.firstQuarter || !p.lastQuarter || (p.option !== "PENSION" && p.option !== "PENSION_AND_HEALTH")) return undefined;
    const q = (x: { year: number; quarter: number }) => t("effect.quarterPlain", { quarter: x.quarter, year: x.year });
    return t("effect.continuedInsurance", { option: p.option, from: q(p.firstQuarter), to: q(p.lastQuarter) });
  }
  if (r.type === "JOINT_LIABILITY_RELEASE") {
    const p = r.payload as { companyName?: string; years?: number[] };
    if (typeof p.companyName !== "string" || !Array.isArray(p.years) || p.years.length === 0) return undefined;
    return t("effect.jointLiabilityRelease", { company: p.companyName, years: p.years.join(", "), count: p.years.length });
  }
  if (r.type === "PAYMENT_PLAN") {
    const plan = await tx.paymentPlan.findUnique({ where: { requestId: r.id }, include: { instalments: { orderBy: { seq: "asc" } } } });
    if (!plan) return undefined;
    const advance = plan.instalments.find((i) => i.seq === 0);
    const monthly = plan.instalments.filter((i) => i.seq > 0);
    if (monthly.length === 0) return undefined;
    return t("effect.plan", {
      advance: advance ? formatMoney(locale, advance.amountCents) : "none",
      advanceDueOn: advance ? formatLongDate(locale, isoDate(advance.dueOn)) : "",
      months: monthly.length,
      amount: formatMoney(locale, monthly[0].amountCents),
      firstDueOn: formatLongDate(locale, isoDate(monthly[0].dueOn)),
      lastDueOn: formatLongDate(locale, isoDate(monthly[monthly.length - 1].dueOn)),
    });
  }
  return undefined;
}
