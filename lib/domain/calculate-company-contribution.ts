// Law of 30-12-1992 art. 88-106 (company contribution; indexed yearly since 2023, due 31 December, +1 % per month late) — RSVZ FAQ, docs/domain.md §8.
import { line, type BreakdownLine } from "./breakdown";
import { compareDates, formatIsoDate, lastDayOfMonth, parseIsoDate, type IsoDate } from "./dates";
import { applyBp, assertInteger } from "./money";
import { figureValue } from "./parameters/list-parameter-figures";
import { parametersFor } from "./parameters/parameter-sets";
import type { ParameterSet } from "./parameters/types";

export interface CompanyContributionInput {
  year: number;
  /** Balance-sheet total of the penultimate closed financial year; null when there is none (new company: small amount). */
  balanceSheetTotalCents: number | null;
}

export interface CompanyContributionResult {
  amountCents: number;
  band: "small" | "large";
  thresholdCents: number;
  breakdown: BreakdownLine[];
}

/** Small amount when the balance-sheet total is at most the threshold (or unknown), large amount above it. */
export function companyContribution(input: CompanyContributionInput, params?: ParameterSet): CompanyContributionResult {
  const p = params ?? parametersFor(input.year);
  const c = p.company;
  const thresholdCents = figureValue(c.thresholdCents, "company.thresholdCents", p.year);
  const total = input.balanceSheetTotalCents;
  if (total !== null) assertInteger(total, "balanceSheetTotalCents");
  const band = total !== null && total > thresholdCents ? "large" : "small";
  const amountCents =
    band === "large"
      ? figureValue(c.largeAmountCents, "company.largeAmountCents", p.year)
      : figureValue(c.smallAmountCents, "company.smallAmountCents", p.year);
  const breakdown: BreakdownLine[] = [
    total === null
      ? line("company.noBalanceSheet", { year: p.year })
      : line("company.balanceSheetTotal", { year: p.year, thresholdCents }, total),
    line(`company.${band}`, { year: p.year }, amountCents),
  ];
  return { amountCents, band, thresholdCents, breakdown };
}

/**
 * Due date of the company contribution of `year`: 31 December; a company incorporated in October, November or
 * December of that year pays by the last day of the third month following the month of incorporation.
 */
export function companyContributionDueDate(input: { year: number; incorporatedOn?: IsoDate }): IsoDate {
  if (input.incorporatedOn !== undefined) {
    const { year, month } = parseIsoDate(input.incorporatedOn);
    if (year === input.year && month >= 10) return lastDayOfMonth(year + 1, month + 3 - 12);
  }
  return formatIsoDate(input.year, 12, 31);
}

export interface CompanyLateSurchargeInput {
  year: number;
  principalCents: number;
  dueOn: IsoDate;
  payments: { paidOn: IsoDate; amountCents: number }[];
  asOf: IsoDate;
}

export interface CompanyLateSurchargeResult {
  lines: { month: string; baseCents: number; amountCents: number }[];
  totalCents: number;
  breakdown: BreakdownLine[];
}

/**
 * 1 % per month of delay on the unpaid part, on principal only: every calendar month after the month of the due
 * date, up to and including the month of payment (or of `asOf`), on the part still unpaid when the month starts.
 */
export function companyLateSurcharge(input: CompanyLateSurchargeInput, params?: ParameterSet): CompanyLateSurchargeResult {
  const p = params ?? parametersFor(input.year);
  const rateBp = figureValue(p.company.lateMonthlyRateBp, "company.lateMonthlyRateBp", p.year);
  const due = parseIsoDate(input.dueOn);
  const asOf = parseIsoDate(input.asOf);
  const lines: CompanyLateSurchargeResult["lines"] = [];
  const breakdown: BreakdownLine[] = [];
  for (let index = due.year * 12 + due.month; index <= asOf.year * 12 + asOf.month - 1; index++) {
    const y = Math.floor(index / 12);
    const m = index - y * 12 + 1;
    const monthStart = formatIsoDate(y, m, 1);
    const paid = input.payments
      .filter((pay) => compareDates(pay.paidOn, monthStart) < 0)
      .reduce((sum, pay) => sum + pay.amountCents, 0);
    const baseCents = input.principalCents - paid;
    if (baseCents <= 0) break;
    const amountCents = applyBp(baseCents, rateBp);
    const month = monthStart.slice(0, 7);
    lines.push({ month, baseCents, amountCents });
    breakdown.push(line("company.lateMonth", { month, baseCents, rateBp }, amountCents));
  }
  const totalCents = lines.reduce((sum, l) => sum + l.amountCents, 0);
  breakdown.push(line("company.lateTotal", { months: lines.length }, totalCents));
  return { lines, totalCents, breakdown };
}
