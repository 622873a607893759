// AR n°38 art. 11 §2-§3 (income N-3 revalued for provisional contributions) and annualisation of incomplete years (Xerius "jaarinkomen"; docs/domain.md §3.1).
import { line, type BreakdownLine } from "./breakdown";
import { DomainError } from "./errors";
import { applyRatio, assertInteger, roundToCents, type Ratio } from "./money";
import { ratioValue } from "./parameters/list-parameter-figures";
import { parametersFor } from "./parameters/parameter-sets";
import type { ParameterSet } from "./parameters/types";

/** income × coefficient, rounded to the cent. */
export function revalueIncome(incomeCents: number, coefficient: Ratio): number {
  assertInteger(incomeCents, "incomeCents");
  return applyRatio(incomeCents, coefficient);
}

/** Converts the income of fewer than 4 quarters of activity into a full-year income: income / quarters × 4. */
export function annualiseIncome(incomeCents: number, quartersActive: number): number {
  assertInteger(incomeCents, "incomeCents");
  if (!Number.isInteger(quartersActive) || quartersActive < 1 || quartersActive > 4)
    throw new DomainError("income.invalidQuarters", { quartersActive });
  return roundToCents(incomeCents * 4, quartersActive);
}

export interface ProvisionalIncomeBaseInput {
  /** Contribution year N. */
  year: number;
  /** Net taxable professional income of year N-3. */
  referenceIncomeCents: number;
  /** Quarters of activity in year N-3 (default 4). */
  referenceQuartersActive?: number;
}

export interface IncomeBaseResult {
  incomeCents: number;
  breakdown: BreakdownLine[];
}

/** Income base of the provisional contributions of year N: N-3 income, annualised, then revalued with the year's coefficient. */
export function provisionalIncomeBase(input: ProvisionalIncomeBaseInput, params?: ParameterSet): IncomeBaseResult {
  const p = params ?? parametersFor(input.year);
  const quarters = input.referenceQuartersActive ?? 4;
  const breakdown: BreakdownLine[] = [
    line("income.reference", { year: input.year - 3 }, input.referenceIncomeCents),
  ];
  const annualised = annualiseIncome(input.referenceIncomeCents, quarters);
  if (quarters < 4) breakdown.push(line("income.annualised", { quartersActive: quarters }, annualised));
  const coefficient = ratioValue(p.contribution.revaluationCoefficient, "contribution.revaluationCoefficient", p.year);
  const incomeCents = revalueIncome(annualised, coefficient);
  breakdown.push(
    line(
      "income.revalued",
      { numerator: coefficient.numerator, denominator: coefficient.denominator },
      incomeCents,
    ),
  );
  return { incomeCents, breakdown };
}
