// Late-payment interest on a benefit (Charte de l'assuré social, law 11-4-1995 art. 20; docs/domain.md §10): simple interest at the legal rate of each calendar year, days late / 365, rounded once to the cent.
import { line, type BreakdownLine } from "./breakdown";
import { addDays, compareDates, daysBetween, formatIsoDate, lastDayOfMonth, parseIsoDate, yearOf, type IsoDate } from "./dates";
import { DomainError } from "./errors";
import { BP_PER_UNIT, roundToCents } from "./money";
import type { BpFigure } from "./parameters/types";

export const INTEREST_DAYS_PER_YEAR = 365;

export interface BenefitInterestInput {
  amountCents: number;
  /** Last day the benefit could be paid without interest (the Charte's payment deadline). */
  dueOn: IsoDate;
  paidOn: IsoDate;
  /** The legal interest rate of each calendar year the delay runs through. */
  rateFor: (year: number) => BpFigure;
}

export interface BenefitInterest {
  daysLate: number;
  interestCents: number;
  /** One line per calendar year of delay: days, rate, exact share. */
  breakdown: BreakdownLine[];
}

/**
 * Interest runs from the day after the due date up to and including the payment date. Each calendar year's days
 * use that year's legal rate; the exact sum is rounded once (half away from zero). A missing rate throws
 * DomainError 'parameters.missing' — no rate is ever guessed.
 */
export function calculateBenefitInterest(input: BenefitInterestInput): BenefitInterest {
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents < 0)
    throw new DomainError("benefit.invalidAmount", { amountCents: input.amountCents });
  const daysLate = Math.max(0, daysBetween(input.dueOn, input.paidOn));
  // nothing owed on time, nor on a delivery without an amount (service vouchers): no rate needed
  if (daysLate === 0 || input.amountCents === 0) return { daysLate, interestCents: 0, breakdown: [] };
  const breakdown: BreakdownLine[] = [];
  let numerator = 0n; // cents × bp × days
  let from = addDays(input.dueOn, 1);
  while (compareDates(from, input.paidOn) <= 0) {
    const year = yearOf(from);
    const yearEnd = formatIsoDate(year, 12, 31);
    const to = compareDates(yearEnd, input.paidOn) < 0 ? yearEnd : input.paidOn;
    const days = daysBetween(from, to) + 1;
    const figure = input.rateFor(year);
    if (figure.value === null) throw new DomainError("parameters.missing", { key: "benefits.legalInterestRateBp", year });
    const part = BigInt(input.amountCents) * BigInt(figure.value) * BigInt(days);
    numerator += part;
    breakdown.push(
      line("benefit.interest", { year, from, to, days, rateBp: figure.value }, roundToCents(part, BP_PER_UNIT * INTEREST_DAYS_PER_YEAR)),
    );
    from = addDays(to, 1);
  }
  return { daysLate, interestCents: roundToCents(numerator, BP_PER_UNIT * INTEREST_DAYS_PER_YEAR), breakdown };
}

/**
 * Due date of the n-th monthly instalment (0-based) of a granted benefit whose first month is `firstMonthOn`:
 * months already elapsed at the decision fall due at the Charte's payment deadline; later months at the end of
 * the month they cover, never before that deadline. Interpretation to confirm with the fund (docs/domain.md §10).
 */
export function instalmentDueOn(input: { paymentDueOn: IsoDate; firstMonthOn: IsoDate; index: number }): IsoDate {
  if (!Number.isInteger(input.index) || input.index < 0) throw new DomainError("benefit.invalidInstalment", { index: input.index });
  const { year, month } = parseIsoDate(input.firstMonthOn);
  const monthIndex = year * 12 + month - 1 + input.index;
  const y = Math.floor(monthIndex / 12);
  const endOfMonth = lastDayOfMonth(y, monthIndex - y * 12 + 1);
  return compareDates(endOfMonth, input.paymentDueOn) > 0 ? endOfMonth : input.paymentDueOn;
}
