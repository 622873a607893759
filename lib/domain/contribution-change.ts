// The reduction/increase of provisional contributions: the new quarterly amount for an estimated income, compared
// with what the affiliate pays now, and the sanction a reduction risks.
import { DomainError } from "./errors";
import { figureValue } from "./parameters/list-parameter-figures";
import { quarterlyContribution, type Category, type QuarterlyContributionResult } from "./calculate-quarterly-contribution";
import { type ParameterSet } from "./parameters/types";

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

/** The income base of a quarter whose income was chosen in an accepted reduction or increase, and its explanation. */
export function chosenIncomeBase(year: number, incomeCents: number): { incomeCents: number; breakdown: QuarterlyContributionResult["breakdown"] } {
  return { incomeCents, breakdown: [{ code: "income.chosen", params: { year }, amountCents: incomeCents }] };
}

/**
 * A provisional call already issued, recomputed on the income chosen in an accepted reduction or increase: the
 * call's new amounts and explanation, and what each part moves by against what the call asked so far (negative:
 * a credit on the call, positive: a supplement).
 */
export function amendedProvisionalCall(input: {
  params: ParameterSet;
  category: Category;
  primoStarter: boolean;
  chosenIncomeCents: number;
  managementFeeBp: number;
  current: { contributionCents: number; managementFeeCents: number };
}): { next: QuarterlyContributionResult; incomeCents: number; contributionDeltaCents: number; feeDeltaCents: number } {
  if (!Number.isInteger(input.chosenIncomeCents) || input.chosenIncomeCents < 0) throw new DomainError("contribution.invalidIncome", {});
  const base = chosenIncomeBase(input.params.year, input.chosenIncomeCents);
  const computed = quarterlyContribution(
    { year: input.params.year, category: input.category, annualIncomeCents: base.incomeCents, primoStarter: input.primoStarter, managementFeeBp: input.managementFeeBp },
    input.params,
  );
  const next = { ...computed, breakdown: [...base.breakdown, ...computed.breakdown] };
  return {
    next,
    incomeCents: base.incomeCents,
    contributionDeltaCents: next.contributionCents - input.current.contributionCents,
    feeDeltaCents: next.managementFeeCents - input.current.managementFeeCents,
  };
}
