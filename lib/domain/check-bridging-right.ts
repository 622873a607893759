// Bridging right (droit passerelle / overbruggingsrecht, law 22-12-2016; docs/domain.md §9.5): the four cases, the contribution conditions, pension age, duration and the career total.
import type { Category } from "./calculate-quarterly-contribution";
import { addQuarters, compareDates, parseIsoDate, quarterIndex, quarterOf, type IsoDate, type Quarter } from "./dates";
import { DomainError } from "./errors";
import type { CentsFigure } from "./parameters/types";

/** One condition of a benefit: met or not, and the facts it was judged on (message params, so the advisor sees why). */
export interface BenefitCondition {
  code: string;
  met: boolean;
  evidence: Record<string, string | number>;
}

/** One quarter of the affiliate's contribution history, as the fund's ledger shows it. */
export interface ContributionQuarter {
  quarter: Quarter;
  /** The category the quarter was called in (null: no call). */
  category: Category | null;
  /** A contribution was due for the quarter. */
  due: boolean;
  /** Everything called for the quarter is settled. */
  paid: boolean;
  /** The contribution called is at least the main-occupation minimum (complementary, pensioner… paying it count). */
  atLeastMainMinimum: boolean;
}

export const BRIDGING_CASES = ["BANKRUPTCY", "DEBT_SETTLEMENT", "FORCED_INTERRUPTION", "ECONOMIC_DIFFICULTIES"] as const;
export type BridgingCase = (typeof BRIDGING_CASES)[number];

/** Categories that open the right by themselves (main occupation, helping spouse maxi-status). */
const OPENING_CATEGORIES: readonly Category[] = ["main", "helping-spouse"];

export function quarterLabel(q: Quarter): string {
  return `${q.year}-Q${q.quarter}`;
}

/** A quarter counts when a main-occupation-level contribution was due for it. */
export function countsAsMainQuarter(q: ContributionQuarter): boolean {
  return q.due && q.category !== null && (OPENING_CATEGORIES.includes(q.category) || q.atLeastMainMinimum);
}

/**
 * Legal pension age on a date (law 10-8-2015): 65, 66 for pensions from 1 February 2025, 67 from 1 February 2030.
 * Interpretation: the age in force on the date of the event is compared with the person's age on that date.
 */
export function legalPensionAge(on: IsoDate): number {
  if (compareDates(on, "2025-02-01") < 0) return 65;
  if (compareDates(on, "2030-02-01") < 0) return 66;
  return 67;
}

/** Completed years of age on a date. */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const b = parseIsoDate(birthDate);
  const d = parseIsoDate(on);
  const beforeBirthday = d.month < b.month || (d.month === b.month && d.day < b.day);
  return d.year - b.year - (beforeBirthday ? 1 : 0);
}

/**
 * Months of the economic-difficulties pillar by career length, measured in quarters paid (docs/domain.md §9.5, 2017 rules):
 * < 2 years none, 2–5 years 3 months, 5–15 years 6 months, more than 15 years 12 months.
 */
export function economicPillarMonths(paidQuarters: number): number {
  if (paidQuarters < 8) return 0;
  if (paidQuarters < 20) return 3;
  if (paidQuarters <= 60) return 6;
  return 12;
}

export const BRIDGING_BASE_MONTHS = 12;
export const BRIDGING_LONG_CAREER_MONTHS = 24;
export const BRIDGING_LONG_CAREER_QUARTERS = 60;

export interface BridgingRightInput {
  case: string;
  /** Date of the bankruptcy, of the cessation or of the event. */
  eventOn: IsoDate;
  familyCharge: boolean;
  birthDate: IsoDate;
  /** Contribution history (any order; quarters absent = nothing called). */
  history: readonly ContributionQuarter[];
  /** Months already granted on earlier bridging-right claims over the career. */
  monthsAlreadyGranted: number;
  /** The year's monthly amounts (figures may be missing: then no amount is computed). */
  amounts: { withFamilyChargeCents: CentsFigure; withoutFamilyChargeCents: CentsFigure };
}

export interface BenefitCheck {
  eligible: boolean;
  conditions: BenefitCondition[];
  /** Months that can be granted (0 when not eligible). */
  months: number;
  /** Months an advisor's override of the unmet conditions could grant: the durations of the law still apply (the
   *  case's months, the career total), so 0 when nothing is left to grant. Equals `months` when eligible. */
  overrideMonths: number;
  /** Monthly amount, or null when the figure is missing (the grant must then be refused). */
  monthlyAmountCents: number | null;
  /** Keys of the parameter figures that are missing. */
  missingFigures: string[];
}

function byQuarter(history: readonly ContributionQuarter[]): Map<number, ContributionQuarter> {
  return new Map(history.map((h) => [quarterIndex(h.quarter), h]));
}

export function checkBridgingRight(input: BridgingRightInput): BenefitCheck {
  if (!Number.isInteger(input.monthsAlreadyGranted) || input.monthsAlreadyGranted < 0)
    throw new DomainError("benefit.invalidMonths", { months: input.monthsAlreadyGranted });
  const conditions: BenefitCondition[] = [];
  const knownCase = (BRIDGING_CASES as readonly string[]).includes(input.case);
  conditions.push({ code: "bridging.case", met: knownCase, evidence: { case: input.case } });

  const pensionAge = legalPensionAge(input.eventOn);
  const age = ageOn(input.birthDate, input.eventOn);
  conditions.push({ code: "bridging.pensionAge", met: age < pensionAge, evidence: { birthDate: input.birthDate, eventOn: input.eventOn, age, pensionAge } });

  // contributions due and paid for the quarter of cessation and the 3 previous quarters
  const quarters = byQuarter(input.history);
  const cessation = quarterOf(input.eventOn);
  const last4 = [0, -1, -2, -3].map((n) => addQuarters(cessation, n));
  const failing = last4.filter((q) => {
    const h = quarters.get(quarterIndex(q));
    return !h || !countsAsMainQuarter(h) || !h.paid;
  });
  conditions.push({
    code: "bridging.lastFourQuarters",
    met: failing.length === 0,
    evidence: { quarters: last4.map(quarterLabel).join(", "), failing: failing.length === 0 ? "—" : failing.map(quarterLabel).join(", ") },
  });

  // at least 4 quarters paid in the 16 quarters before the quarter of cessation
  const window = Array.from({ length: 16 }, (_, i) => addQuarters(cessation, -16 + i));
  const paidInWindow = window.filter((q) => {
    const h = quarters.get(quarterIndex(q));
    return h !== undefined && countsAsMainQuarter(h) && h.paid;
  }).length;
  conditions.push({
    code: "bridging.paidInSixteen",
    met: paidInWindow >= 4,
    evidence: { paid: paidInWindow, required: 4, from: quarterLabel(window[0]), to: quarterLabel(window[15]) },
  });

  // duration: by case, and by career length for economic difficulties; over the career, 12 (24) months in all
  const careerQuarters = input.history.filter((h) => countsAsMainQuarter(h) && h.paid && quarterIndex(h.quarter) <= quarterIndex(cessation)).length;
  const careerMax = careerQuarters >= BRIDGING_LONG_CAREER_QUARTERS ? BRIDGING_LONG_CAREER_MONTHS : BRIDGING_BASE_MONTHS;
  if (input.case === "ECONOMIC_DIFFICULTIES") {
    const m = economicPillarMonths(careerQuarters);
    conditions.push({ code: "bridging.careerLength", met: m > 0, evidence: { paidQuarters: careerQuarters, months: m } });
  }
  const caseMonths = input.case === "ECONOMIC_DIFFICULTIES" ? economicPillarMonths(careerQuarters) : careerMax;
  const remaining = Math.max(0, careerMax - input.monthsAlreadyGranted);
  conditions.push({
    code: "bridging.remainingEntitlement",
    met: remaining > 0,
    evidence: { paidQuarters: careerQuarters, maxMonths: careerMax, usedMonths: input.monthsAlreadyGranted, remaining },
  });

  const eligible = conditions.every((c) => c.met);
  const overrideMonths = Math.min(caseMonths, remaining);
  const months = eligible ? overrideMonths : 0;
  const key = input.familyCharge ? "withFamilyChargeCents" : "withoutFamilyChargeCents";
  const figure = input.amounts[key];
  const missingFigures = figure.value === null ? [`benefits.bridgingRightMonthly.${key}`] : [];
  return { eligible, conditions, months, overrideMonths, monthlyAmountCents: figure.value, missingFigures };
}
