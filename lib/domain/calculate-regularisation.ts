// AR n°38 art. 11 §1 and §4 (definitive contributions on the real income of year N) and ARS art. 44 (supplement due by the end of the quarter after notification); docs/domain.md §5.3.
import { line, type BreakdownLine } from "./breakdown";
import { annualiseIncome } from "./calculate-income-base";
import { quarterlyContribution, type Category } from "./calculate-quarterly-contribution";
import { addQuarters, quarterEnd, quarterOf, type IsoDate, type QuarterNumber } from "./dates";
import { DomainError } from "./errors";
import { applyBp } from "./money";
import type { ParameterSet } from "./parameters/types";

export interface RegularisationQuarterInput {
  quarter: QuarterNumber;
  /** Provisional contribution billed for the quarter (excl. fees). */
  provisionalCents: number;
  /** Primo-starter's reduced minimum applies to this quarter. */
  primoStarter?: boolean;
}

export interface RegularisationInput {
  year: number;
  category: Category;
  /** Real net professional income of the year (not revalued; annualised here). */
  realIncomeCents: number;
  /** The quarters of activity of the year, each with its provisional contribution. */
  quarters: RegularisationQuarterInput[];
  notifiedOn: IsoDate;
  managementFeeBp: number;
}

export type RegularisationKind = "supplement" | "refund" | "none";

export interface RegularisationQuarterResult {
  quarter: QuarterNumber;
  provisionalCents: number;
  definitiveCents: number;
  /** definitive − provisional (contribution). */
  differenceCents: number;
  /** fee(definitive) − fee(provisional). */
  feeDifferenceCents: number;
  kind: RegularisationKind;
  breakdown: BreakdownLine[];
}

export interface RegularisationResult {
  annualIncomeCents: number;
  quarters: RegularisationQuarterResult[];
  /** Sum of positive differences (contribution + fee). */
  supplementCents: number;
  /** Sum of negative differences, as a positive amount (contribution + fee). */
  refundCents: number;
  /** supplement − refund. */
  netCents: number;
  /** Last day of the quarter following notification; null when there is no supplement. */
  supplementDueOn: IsoDate | null;
  breakdown: BreakdownLine[];
}

/** Due date of a regularisation supplement: last day of the quarter following the quarter of notification. */
export function regularisationDueDate(notifiedOn: IsoDate): IsoDate {
  return quarterEnd(addQuarters(quarterOf(notifiedOn), 1));
}

export function calculateRegularisation(input: RegularisationInput, params?: ParameterSet): RegularisationResult {
  const n = input.quarters.length;
  const distinct = new Set(input.quarters.map((q) => q.quarter));
  if (n === 0 || distinct.size !== n) throw new DomainError("regularisation.invalidQuarters", { count: n });
  const annualIncomeCents = annualiseIncome(input.realIncomeCents, n);
  const breakdown: BreakdownLine[] = [line("regularisation.realIncome", { year: input.year }, input.realIncomeCents)];
  if (n < 4) breakdown.push(line("income.annualised", { quartersActive: n }, annualIncomeCents));

  let supplementCents = 0;
  let refundCents = 0;
  const quarters = [...input.quarters]
    .sort((a, b) => a.quarter - b.quarter)
    .map((q): RegularisationQuarterResult => {
      const definitive = quarterlyContribution(
        {
          year: input.year,
          category: input.category,
          annualIncomeCents,
          primoStarter: q.primoStarter,
          managementFeeBp: input.managementFeeBp,
        },
        params,
      );
      const differenceCents = definitive.contributionCents - q.provisionalCents;
      const feeDifferenceCents = definitive.managementFeeCents - applyBp(q.provisionalCents, input.managementFeeBp);
      const net = differenceCents + feeDifferenceCents;
      const kind: RegularisationKind = net > 0 ? "supplement" : net < 0 ? "refund" : "none";
      if (net > 0) supplementCents += net;
      else refundCents -= net;
      return {
        quarter: q.quarter,
        provisionalCents: q.provisionalCents,
        definitiveCents: definitive.contributionCents,
        differenceCents,
        feeDifferenceCents,
        kind,
        breakdown: [
          ...definitive.breakdown,
          line("regularisation.provisional", { quarter: q.quarter }, q.provisionalCents),
          line(`regularisation.${kind}`, { quarter: q.quarter }, net),
        ],
      };
    });
  const supplementDueOn = supplementCents > 0 ? regularisationDueDate(input.notifiedOn) : null;
  if (supplementDueOn !== null) breakdown.push(line("regularisation.supplementDue", { dueOn: supplementDueOn }, supplementCents));
  if (refundCents > 0) breakdown.push(line("regularisation.refundDue", {}, refundCents));
  return {
    annualIncomeCents,
    quarters,
    supplementCents,
    refundCents,
    netCents: supplementCents - refundCents,
    supplementDueOn,
    breakdown,
  };
}
