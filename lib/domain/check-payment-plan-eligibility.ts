// Payment plan decision of the fund (docs/domain.md §7.2: only for overdue debt, no recovery while respected); refusal reasons are fund policy.
import {
  buildInstalmentSchedule,
  DEFAULT_PAYMENT_PLAN_POLICY,
  policyRefusals,
  requiredAdvanceCents,
  type InstalmentScheduleResult,
  type PaymentPlanPolicy,
  type PaymentPlanRefusal,
} from "./build-instalment-schedule";
import { addMonths, compareDates, type IsoDate } from "./dates";

export interface PaymentPlanRequest {
  debtCents: number;
  months: number;
  firstInstalmentOn: IsoDate;
}

export interface PaymentPlanContext {
  today: IsoDate;
  judicialRecoveryPending: boolean;
  activePlan: boolean;
  /** Dates on which earlier plans of this debtor were broken. */
  brokenPlansOn: IsoDate[];
  /** Advance already received for this request. */
  advancePaidCents: number;
}

export interface PaymentPlanEligibility {
  eligible: boolean;
  refusals: PaymentPlanRefusal[];
  requiredAdvanceCents: number;
}

export type PaymentPlanHistory = Pick<PaymentPlanContext, "today" | "judicialRecoveryPending" | "activePlan" | "brokenPlansOn">;

/** The refusals the debtor's history causes, whatever the plan's terms: judicial recovery pending, a plan already in
 *  force, two plans broken in the last three years. An advisor may still accept such a plan, with a second approver. */
export function historyRefusals(context: PaymentPlanHistory): PaymentPlanRefusal[] {
  const refusals: PaymentPlanRefusal[] = [];
  if (context.judicialRecoveryPending) refusals.push("judicial-recovery-pending");
  if (context.activePlan) refusals.push("plan-already-active");
  const threeYearsAgo = addMonths(context.today, -36);
  const recentBreaks = context.brokenPlansOn.filter(
    (d) => compareDates(d, threeYearsAgo) > 0 && compareDates(d, context.today) <= 0,
  ).length;
  if (recentBreaks >= 2) refusals.push("two-broken-plans-in-three-years");
  return refusals;
}

export function checkPaymentPlanEligibility(
  request: PaymentPlanRequest,
  context: PaymentPlanContext,
  policy: PaymentPlanPolicy = DEFAULT_PAYMENT_PLAN_POLICY,
): PaymentPlanEligibility {
  const refusals: PaymentPlanRefusal[] = historyRefusals(context);
  const advance = requiredAdvanceCents(request.debtCents, policy);
  if (context.advancePaidCents < advance) refusals.push("advance-not-paid");
  refusals.push(...policyRefusals({ ...request, advanceCents: context.advancePaidCents }, policy));
  return { eligible: refusals.length === 0, refusals, requiredAdvanceCents: advance };
}

/** Eligibility then schedule (advance = the advance paid). */
export function decidePaymentPlan(
  request: PaymentPlanRequest,
  context: PaymentPlanContext,
  policy: PaymentPlanPolicy = DEFAULT_PAYMENT_PLAN_POLICY,
): InstalmentScheduleResult {
  const eligibility = checkPaymentPlanEligibility(request, context, policy);
  if (!eligibility.eligible) return { ok: false, refusals: eligibility.refusals };
  return buildInstalmentSchedule({ ...request, advanceCents: context.advancePaidCents }, policy);
}
