// AR n°38 art. 11-13 (rates 20,50 % / 14,16 %, ceilings, minimums), art. 13bis (primo-starters), ARS art. 37 and art. 35bis (students); docs/domain.md §3.1-§5.2.
import { line, type BreakdownLine } from "./breakdown";
import { DomainError } from "./errors";
import { applyBp, assertInteger, BP_PER_UNIT, roundToCents } from "./money";
import { figureValue } from "./parameters/list-parameter-figures";
import { parametersFor } from "./parameters/parameter-sets";
import type { ParameterSet } from "./parameters/types";

export const CATEGORIES = ["main", "complementary", "helping-spouse", "student", "active-pensioner", "art37"] as const;
export type Category = (typeof CATEGORIES)[number];

export interface QuarterlyContributionInput {
  year: number;
  category: Category;
  /** Annual income base, already revalued (provisional) or real (definitive) and annualised. */
  annualIncomeCents: number;
  /** Main occupation only: reduced minimum during the first 4 quarters. Ignored for other categories. */
  primoStarter?: boolean;
  /** The fund's management fee in basis points (305 = 3,05 %). */
  managementFeeBp: number;
}

export interface QuarterlyContributionResult {
  contributionCents: number;
  managementFeeCents: number;
  totalCents: number;
  breakdown: BreakdownLine[];
}

interface Band {
  code: string;
  fromCents: number;
  toCents: number;
  rateBp: number;
}

/**
 * Quarterly contribution = roundToCents(annual contribution / 4), computed exactly from the bands;
 * fee = roundToCents(contribution × fee rate); total = contribution + fee.
 */
export function quarterlyContribution(input: QuarterlyContributionInput, params?: ParameterSet): QuarterlyContributionResult {
  const p = params ?? parametersFor(input.year);
  const year = p.year;
  assertInteger(input.annualIncomeCents, "annualIncomeCents");
  if (!Number.isInteger(input.managementFeeBp) || input.managementFeeBp < 0)
    throw new DomainError("contribution.invalidFeeRate", { managementFeeBp: input.managementFeeBp });
  if (!(CATEGORIES as readonly string[]).includes(input.category))
    throw new DomainError("contribution.unknownCategory", { category: String(input.category) });

  const c = p.contribution;
  const v = (key: Exclude<keyof typeof c, "revaluationCoefficient">): number =>
    figureValue(c[key], `contribution.${key}`, year);
  const income = input.annualIncomeCents;
  const breakdown: BreakdownLine[] = [
    line("contribution.incomeBase", { category: input.category, year }, income),
  ];

  const mainBands = (): Band[] => [
    { code: "contribution.band1", fromCents: 0, toCents: v("ceiling1Cents"), rateBp: v("band1RateBp") },
    { code: "contribution.band2", fromCents: v("ceiling1Cents"), toCents: v("ceiling2Cents"), rateBp: v("band2RateBp") },
  ];
  const floored = (minimumKey: "minimumIncomeCents" | "primoStarterMinimumIncomeCents" | "helpingSpouseMinimumIncomeCents"): number => {
    const minimum = v(minimumKey);
    if (income >= minimum) return income;
    breakdown.push(line("contribution.floorApplied", { minimum: minimumKey }, minimum));
    return minimum;
  };
  const belowThreshold = (thresholdKey: "complementaryThresholdCents" | "art37ThresholdCents" | "pensionerThresholdCents" | "studentThresholdCents"): boolean => {
    const threshold = v(thresholdKey);
    if (income >= threshold) return false;
    breakdown.push(line("contribution.belowThreshold", { threshold: thresholdKey }, threshold));
    return true;
  };

  let base = income;
  let bands: Band[] = [];
  switch (input.category) {
    case "main":
      base = floored(input.primoStarter === true ? "primoStarterMinimumIncomeCents" : "minimumIncomeCents");
      bands = mainBands();
      break;
    case "helping-spouse":
      base = floored("helpingSpouseMinimumIncomeCents");
      bands = mainBands();
      break;
    case "complementary":
      if (!belowThreshold("complementaryThresholdCents")) bands = mainBands();
      break;
    case "art37":
      if (income > v("art37CeilingCents")) {
        // Above the art. 37 ceiling the assimilation does not apply: main-occupation regime, minimum included.
        breakdown.push(line("contribution.art37.aboveCeiling", {}, v("art37CeilingCents")));
        base = floored("minimumIncomeCents");
        bands = mainBands();
      } else if (!belowThreshold("art37ThresholdCents")) {
        bands = mainBands();
      }
      break;
    case "student":
      if (income >= v("studentUpperThresholdCents")) {
        breakdown.push(line("contribution.student.mainRegime", {}, v("studentUpperThresholdCents")));
        bands = mainBands();
      } else if (!belowThreshold("studentThresholdCents")) {
        // 20,50 % on the part of the income above threshold A.
        bands = [
          { code: "contribution.student.reduced", fromCents: v("studentThresholdCents"), toCents: v("studentUpperThresholdCents"), rateBp: v("band1RateBp") },
        ];
      }
      break;
    case "active-pensioner":
      if (!belowThreshold("pensionerThresholdCents")) {
        bands = [
          { code: "contribution.band1", fromCents: 0, toCents: v("pensionerCeilingCents"), rateBp: v("pensionerRateBp") },
          { code: "contribution.band2", fromCents: v("pensionerCeilingCents"), toCents: v("ceiling2Cents"), rateBp: v("band2RateBp") },
        ];
      }
      break;
  }

  // Exact annual contribution × 10 000 (bp), summed over the bands before any rounding.
  let exactAnnualBp = 0n;
  let bandSum = 0;
  for (const band of bands) {
    const inBand = Math.max(0, Math.min(base, band.toCents) - band.fromCents);
    if (inBand === 0) continue;
    exactAnnualBp += BigInt(inBand) * BigInt(band.rateBp);
    const bandQuarterCents = roundToCents(BigInt(inBand) * BigInt(band.rateBp), BP_PER_UNIT * 4);
    bandSum += bandQuarterCents;
    breakdown.push(
      line(band.code, { fromCents: band.fromCents, toCents: band.toCents, baseCents: inBand, rateBp: band.rateBp }, bandQuarterCents),
    );
  }
  const contributionCents = roundToCents(exactAnnualBp, BP_PER_UNIT * 4);
  if (contributionCents !== bandSum) breakdown.push(line("contribution.rounding", {}, contributionCents - bandSum));
  breakdown.push(line("contribution.quarterly", {}, contributionCents));
  const managementFeeCents = applyBp(contributionCents, input.managementFeeBp);
  breakdown.push(line("contribution.managementFee", { rateBp: input.managementFeeBp }, managementFeeCents));
  const totalCents = contributionCents + managementFeeCents;
  breakdown.push(line("contribution.total", {}, totalCents));
  return { contributionCents, managementFeeCents, totalCents, breakdown };
}
