// Pure helpers for the reduction/increase request and the public simulator (no Prisma, no clock).
import { DomainError, figureValue, quarterlyContribution, type Category, type ParameterSet, type QuarterlyContributionResult } from "@/lib/domain";

export const DB_TO_DOMAIN_CATEGORY = {
  MAIN: "main",
  COMPLEMENTARY: "complementary",
  HELPING_SPOUSE: "helping-spouse",
  STUDENT: "student",
  ACTIVE_PENSIONER: "active-pensioner",
  ART37: "art37",
} as const satisfies Record<string, Category>;

export type ContributionChange = {
  kind: "REDUCTION" | "INCREASE" | "UNCHANGED";
  current: number | null; // current quarterly total (contribution + fee), cents
  next: QuarterlyContributionResult;
  /** the sanction rates a reduction risks if the real income turns out higher (3 % + 7 % of the unpaid excess) */
  sanctionQuarterlyBp: number;
  sanctionAnnualBp: number;
};

/** New quarterly amount for an estimated income, compared with what the affiliate pays now. */
export function contributionChange(input: {
  params: ParameterSet;
  category: Category;
  primoStarter: boolean;
  estimatedIncomeCents: number;
  managementFeeBp: number;
  currentQuarterlyCents: number | null;
}): ContributionChange {
  if (!Number.isInteger(input.estimatedIncomeCents) || input.estimatedIncomeCents < 0) throw new DomainError("contribution.invalidIncome", {});
  const next = quarterlyContribution(
    { year: input.params.year, category: input.category, annualIncomeCents: input.estimatedIncomeCents, primoStarter: input.primoStarter, managementFeeBp: input.managementFeeBp },
    input.params,
  );
  const kind =
    input.currentQuarterlyCents === null || next.totalCents === input.currentQuarterlyCents
      ? "UNCHANGED"
      : next.totalCents < input.currentQuarterlyCents
        ? "REDUCTION"
        : "INCREASE";
  const y = input.params.year;
  return {
    kind,
    current: input.currentQuarterlyCents,
    next,
    sanctionQuarterlyBp: figureValue(input.params.surcharges.quarterlyRateBp, "surcharges.quarterlyRateBp", y),
    sanctionAnnualBp: figureValue(input.params.surcharges.annualRateBp, "surcharges.annualRateBp", y),
  };
}
