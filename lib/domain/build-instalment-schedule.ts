// Payment plan (plan d'apurement): fund policy, no legal maximum found (docs/domain.md §7.2, §17.6); instalments sum exactly to the debt.
import { line, type BreakdownLine } from "./breakdown";
import { addMonths, type IsoDate } from "./dates";
import { applyBp } from "./money";

export interface PaymentPlanPolicy {
  /** Required advance, share of the debt in basis points. */
  advanceBp: number;
  /** Maximum number of monthly instalments (default 12). */
  maxMonths: number;
  minInstalmentCents: number;
}

/** Default fund policy (not legal figures: the fund sets them). */
export const DEFAULT_PAYMENT_PLAN_POLICY: PaymentPlanPolicy = { advanceBp: 1000, maxMonths: 12, minInstalmentCents: 5000 };

export type PaymentPlanRefusal =
  | "judicial-recovery-pending"
  | "plan-already-active"
  | "two-broken-plans-in-three-years"
  | "advance-not-paid"
  | "no-debt"
  | "invalid-months"
  | "too-many-months"
  | "advance-exceeds-debt"
  | "instalment-too-small";

export interface InstalmentScheduleRequest {
  debtCents: number;
  advanceCents: number;
  months: number;
  firstInstalmentOn: IsoDate;
}

export interface Instalment {
  number: number;
  dueOn: IsoDate;
  amountCents: number;
}

export type InstalmentScheduleResult =
  | { ok: true; advanceCents: number; instalments: Instalment[]; breakdown: BreakdownLine[] }
  | { ok: false; refusals: PaymentPlanRefusal[] };

/** Advance the policy requires for a debt (rounded to the cent). */
export function requiredAdvanceCents(debtCents: number, policy: PaymentPlanPolicy = DEFAULT_PAYMENT_PLAN_POLICY): number {
  return applyBp(debtCents, policy.advanceBp);
}

/** Policy checks only (no debtor history): see checkPaymentPlanEligibility for the full decision. */
export function policyRefusals(request: InstalmentScheduleRequest, policy: PaymentPlanPolicy): PaymentPlanRefusal[] {
  const refusals: PaymentPlanRefusal[] = [];
  if (request.debtCents <= 0) return ["no-debt"];
  if (!Number.isInteger(request.months) || request.months < 1) return ["invalid-months"];
  if (request.months > policy.maxMonths) refusals.push("too-many-months");
  const rest = request.debtCents - request.advanceCents;
  if (rest < 0) refusals.push("advance-exceeds-debt");
  else if (request.months > 1 && Math.floor(rest / request.months) < policy.minInstalmentCents)
    refusals.push("instalment-too-small");
  return refusals;
}

/**
 * Monthly schedule for debt − advance: equal instalments, the remainder cents going one by one to the first
 * instalments, so advance + Σ instalments = debt exactly.
 */
export function buildInstalmentSchedule(
  request: InstalmentScheduleRequest,
  policy: PaymentPlanPolicy = DEFAULT_PAYMENT_PLAN_POLICY,
): InstalmentScheduleResult {
  const refusals = policyRefusals(request, policy);
  if (refusals.length > 0) return { ok: false, refusals };
  const rest = request.debtCents - request.advanceCents;
  const base = Math.floor(rest / request.months);
  const extra = rest - base * request.months;
  const instalments: Instalment[] = [];
  for (let i = 0; i < request.months; i++) {
    instalments.push({ number: i + 1, dueOn: addMonths(request.firstInstalmentOn, i), amountCents: base + (i < extra ? 1 : 0) });
  }
  const breakdown: BreakdownLine[] = [
    line("plan.debt", {}, request.debtCents),
    line("plan.advance", { advanceBp: policy.advanceBp }, request.advanceCents),
    line("plan.instalments", { months: request.months, firstInstalmentOn: request.firstInstalmentOn }, rest),
  ];
  return { ok: true, advanceCents: request.advanceCents, instalments, breakdown };
}
