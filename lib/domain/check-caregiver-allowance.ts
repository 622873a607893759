// Caregiver allowance (allocation d'aidant proche / mantelzorguitkering, AR 27-9-2015; docs/domain.md §9.6): category, 2 quarters paid, 6 months per request, 12 over the career, full or half amount.
import type { Category } from "./calculate-quarterly-contribution";
import { countsAsMainQuarter, quarterLabel, type BenefitCheck, type BenefitCondition, type ContributionQuarter } from "./check-bridging-right";
import { addQuarters, quarterIndex, quarterOf, type IsoDate } from "./dates";
import { DomainError } from "./errors";
import type { CentsFigure } from "./parameters/types";

export const CAREGIVER_MAX_MONTHS_PER_REQUEST = 6;
export const CAREGIVER_MAX_MONTHS_CAREER = 12;
export const CAREGIVER_INTERRUPTIONS = ["FULL", "HALF"] as const;

export interface CaregiverAllowanceInput {
  interruption: string;
  startOn: IsoDate;
  months: number;
  /** Category on the first day of the interruption (null: not affiliated then). */
  category: Category | null;
  /** The contribution of the interruption quarter is at least the main-occupation minimum. */
  atLeastMainMinimum: boolean;
  history: readonly ContributionQuarter[];
  /** Months already granted on earlier caregiver claims over the career. */
  monthsAlreadyGranted: number;
  amounts: { fullCents: CentsFigure; halfCents: CentsFigure };
}

export function checkCaregiverAllowance(input: CaregiverAllowanceInput): BenefitCheck {
  if (!Number.isInteger(input.monthsAlreadyGranted) || input.monthsAlreadyGranted < 0)
    throw new DomainError("benefit.invalidMonths", { months: input.monthsAlreadyGranted });
  const conditions: BenefitCondition[] = [];
  const full = input.interruption === "FULL";
  conditions.push({ code: "caregiver.interruption", met: (CAREGIVER_INTERRUPTIONS as readonly string[]).includes(input.interruption), evidence: { interruption: input.interruption } });

  const opening = input.category === "main" || input.category === "helping-spouse";
  conditions.push({
    code: "caregiver.category",
    met: input.category !== null && (opening || input.atLeastMainMinimum),
    evidence: { category: input.category === null ? "none" : input.category.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()), atLeastMainMinimum: input.atLeastMainMinimum ? "yes" : "no" },
  });

  // contributions paid for the 2 quarters before the quarter of interruption
  const start = quarterOf(input.startOn);
  const before = [-2, -1].map((n) => addQuarters(start, n));
  const quarters = new Map(input.history.map((h) => [quarterIndex(h.quarter), h]));
  const failing = before.filter((q) => {
    const h = quarters.get(quarterIndex(q));
    return !h || !countsAsMainQuarter(h) || !h.paid;
  });
  conditions.push({
    code: "caregiver.twoQuartersPaid",
    met: failing.length === 0,
    evidence: { quarters: before.map(quarterLabel).join(", "), failing: failing.length === 0 ? "—" : failing.map(quarterLabel).join(", ") },
  });

  const validMonths = Number.isInteger(input.months) && input.months >= 1 && input.months <= CAREGIVER_MAX_MONTHS_PER_REQUEST;
  conditions.push({ code: "caregiver.monthsPerRequest", met: validMonths, evidence: { months: input.months, max: CAREGIVER_MAX_MONTHS_PER_REQUEST } });

  const remaining = Math.max(0, CAREGIVER_MAX_MONTHS_CAREER - input.monthsAlreadyGranted);
  conditions.push({
    code: "caregiver.careerMonths",
    met: validMonths && input.months <= remaining,
    evidence: { requested: input.months, usedMonths: input.monthsAlreadyGranted, max: CAREGIVER_MAX_MONTHS_CAREER, remaining },
  });

  const eligible = conditions.every((c) => c.met);
  const key = full ? "fullCents" : "halfCents";
  const figure = input.amounts[key];
  return {
    eligible,
    conditions,
    months: eligible ? input.months : 0,
    overrideMonths: validMonths ? Math.min(input.months, remaining) : 0,
    monthlyAmountCents: figure.value,
    missingFigures: figure.value === null ? [`benefits.caregiverMonthly.${key}`] : [],
  };
}
