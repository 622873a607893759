// A payment plan as an advisor accepts it: the fund's policy refusals for given terms, and the schedule of a plan
// accepted inside the policy or, with a second approval, outside it.
import { addDays, addMonths } from "./dates";
import { buildInstalmentSchedule, policyRefusals, DEFAULT_PAYMENT_PLAN_POLICY, type PaymentPlanRefusal } from "./build-instalment-schedule";

export type PlanTerms = { debtCents: number; advanceCents: number; months: number; firstInstalmentOn: string };

/** Refusals of the fund's payment-plan policy for these terms (empty = within policy). */
export function planOutsidePolicy(terms: PlanTerms): PaymentPlanRefusal[] {
  return policyRefusals(terms, DEFAULT_PAYMENT_PLAN_POLICY);
}

/** Days the advance of a plan is due after the plan is put in force (as for the affiliate's own plan request). */
export const PLAN_ADVANCE_DAYS = 15;

/**
 * The schedule of a plan an advisor accepted — inside the fund's policy, or outside it with a second staff
 * member's approval: the domain's schedule under the policy widened to what was approved (the number of months,
 * any instalment size). Impossible terms (no debt, an advance above the debt) stay refused.
 */
export function approvedPlanSchedule(terms: { debtCents: number; advanceCents: number; months: number }, today: string) {
  const firstInstalmentOn = addMonths(today, 1);
  const policy = { ...DEFAULT_PAYMENT_PLAN_POLICY, maxMonths: Math.max(terms.months, DEFAULT_PAYMENT_PLAN_POLICY.maxMonths), minInstalmentCents: 0 };
  const schedule = buildInstalmentSchedule({ ...terms, firstInstalmentOn }, policy);
  return schedule.ok ? { ok: true as const, advanceDueOn: addDays(today, PLAN_ADVANCE_DAYS), firstInstalmentOn, instalments: schedule.instalments } : schedule;
}
