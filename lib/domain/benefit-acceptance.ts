// Accepting a bridging-right or caregiver request (docs/domain.md §9.5, §9.6): a benefit is bound to its conditions.
// When every condition is met it is granted; when one is not, only an explicit, motivated override can accept it,
// and a second advisor must approve that override (four eyes, README "Four eyes").
import type { BenefitCheck } from "./check-bridging-right";

export type BenefitAcceptance =
  /** Every condition is met: grant these months at this amount. */
  | { kind: "grant"; months: number; monthlyAmountCents: number }
  /** Some conditions are not met (`unmet`, by code): accepting is an override, which needs a motivation and a
   *  second advisor; approved, it grants these months at this amount. */
  | { kind: "override"; unmet: string[]; months: number; monthlyAmountCents: number }
  /** Nothing can be granted: the legal amount is not known yet, or the law's durations leave no month to grant. */
  | { kind: "impossible"; code: "benefit.figureMissing" | "benefit.nothingToGrant"; unmet: string[] };

/** The codes of the conditions that are not met, in the order they were checked. */
export function unmetConditions(check: BenefitCheck): string[] {
  return check.conditions.filter((c) => !c.met).map((c) => c.code);
}

/** What accepting the request means, from its conditions check. */
export function benefitAcceptance(check: BenefitCheck): BenefitAcceptance {
  const unmet = unmetConditions(check);
  const months = check.eligible ? check.months : check.overrideMonths;
  if (check.monthlyAmountCents === null) return { kind: "impossible", code: "benefit.figureMissing", unmet };
  if (months <= 0) return { kind: "impossible", code: "benefit.nothingToGrant", unmet };
  if (check.eligible) return { kind: "grant", months, monthlyAmountCents: check.monthlyAmountCents };
  return { kind: "override", unmet, months, monthlyAmountCents: check.monthlyAmountCents };
}
