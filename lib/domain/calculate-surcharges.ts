// ARS (AR 19-12-1967) art. 44 and 44bis: 3 % per quarter end on unpaid principal, 7 % once on 1 January, never on surcharges; RSVZ FAQ, docs/domain.md §5.4 and §6.1, §9.2.
import { line, type BreakdownLine } from "./breakdown";
import {
  addQuarters,
  compareDates,
  formatIsoDate,
  quarterEnd,
  quarterEndsBetween,
  quarterIndex,
  quarterOf,
  yearOf,
  type IsoDate,
  type Quarter,
} from "./dates";
import { applyBp } from "./money";
import { figureValue } from "./parameters/list-parameter-figures";
import { latestParametersUpTo } from "./parameters/parameter-sets";
import type { ParameterSet } from "./parameters/types";

export interface SurchargeCall {
  id: string;
  /** Contribution quarter the call is for. */
  quarter: Quarter;
  principalCents: number;
  /** Date the amount was first claimed (call or regularisation notice). */
  firstClaimedOn: IsoDate;
  /** Due date; default: last day of the contribution quarter. */
  dueOn?: IsoDate;
  /** One of the first two quarters of a starter affiliated in time: one extra quarter to pay. */
  starterGrace?: boolean;
}

/** A payment already allocated to the principal of one call. */
export interface PrincipalPayment {
  callId: string;
  paidOn: IsoDate;
  amountCents: number;
}

/**
 * Sanction for an unjustified reduction of provisional contributions (regime since 2022, art. 44bis ARS as
 * reported by RSVZ/press — DERIVED interpretation, docs/domain.md §5.4 and §17.9): 3 % + the one-off 7 % on the part of
 * the definitive contribution above the reduced provisional contribution still unpaid on 31 December of the year.
 */
export interface ReductionSanctionInput {
  callId: string;
  quarter: Quarter;
  reducedProvisionalCents: number;
  definitiveCents: number;
  /** Part of the excess paid voluntarily by 31 December of the contribution year. */
  paidByYearEndCents?: number;
  notifiedOn: IsoDate;
}

export interface SurchargeInput {
  calls: SurchargeCall[];
  payments: PrincipalPayment[];
  asOf: IsoDate;
  /** Quarters following a birth quarter (contribution-free quarter): no surcharge on them. */
  postBirthExemptQuarters?: Quarter[];
  reductionSanctions?: ReductionSanctionInput[];
}

export type SurchargeKind = "quarterly" | "annual" | "reduction-sanction-quarterly" | "reduction-sanction-annual";

export interface SurchargeLine {
  callId: string;
  kind: SurchargeKind;
  on: IsoDate;
  /** Principal the rate applies to (never includes surcharges). */
  baseCents: number;
  rateBp: number;
  amountCents: number;
  breakdown: BreakdownLine[];
}

export interface SurchargeResult {
  lines: SurchargeLine[];
  totalCents: number;
  breakdown: BreakdownLine[];
}

/** Due date after the starters' extra quarter (end of the quarter following the normal due date). */
export function starterGraceDueDate(dueOn: IsoDate): IsoDate {
  return quarterEnd(addQuarters(quarterOf(dueOn), 1));
}

/** The contribution-free quarter after a birth: the quarter following the quarter of delivery. */
export function postBirthExemptQuarter(birthOn: IsoDate): Quarter {
  return addQuarters(quarterOf(birthOn), 1);
}

/**
 * Surcharges due on `asOf`. The 7 % is charged on 1 January of Y+1 where Y is the later of the year of first
 * claim and the year of the due date (a call not yet due on 31 December, e.g. a starter's extra quarter or a
 * regularisation notified in Q4, is not surcharged before it is due). Parameters: those of the latest year up to
 * the year of `asOf` unless given.
 */
export function calculateSurcharges(input: SurchargeInput, params?: ParameterSet): SurchargeResult {
  const p = params ?? latestParametersUpTo(yearOf(input.asOf));
  const quarterlyBp = figureValue(p.surcharges.quarterlyRateBp, "surcharges.quarterlyRateBp", p.year);
  const annualBp = figureValue(p.surcharges.annualRateBp, "surcharges.annualRateBp", p.year);
  const exempt = new Set((input.postBirthExemptQuarters ?? []).map(quarterIndex));
  const lines: SurchargeLine[] = [];
  const breakdown: BreakdownLine[] = [];

  for (const call of input.calls) {
    if (exempt.has(quarterIndex(call.quarter))) {
      breakdown.push(line("surcharge.exempt.postBirth", { callId: call.id, year: call.quarter.year, quarter: call.quarter.quarter }));
      continue;
    }
    const unpaidAt = (date: IsoDate): number => {
      const paid = input.payments
        .filter((pay) => pay.callId === call.id && compareDates(pay.paidOn, date) <= 0)
        .reduce((sum, pay) => sum + pay.amountCents, 0);
      return Math.max(0, call.principalCents - paid);
    };
    let dueOn = call.dueOn ?? quarterEnd(call.quarter);
    if (call.starterGrace === true) {
      dueOn = starterGraceDueDate(dueOn);
      breakdown.push(line("surcharge.starterGrace", { callId: call.id, dueOn }));
    }
    for (const end of quarterEndsBetween(dueOn, input.asOf)) {
      const unpaid = unpaidAt(end);
      if (unpaid > 0) lines.push(makeLine(call.id, "quarterly", end, unpaid, quarterlyBp));
    }
    const claimYear = Math.max(yearOf(call.firstClaimedOn), yearOf(dueOn));
    const annualOn = formatIsoDate(claimYear + 1, 1, 1);
    if (compareDates(annualOn, input.asOf) <= 0) {
      const unpaid = unpaidAt(formatIsoDate(claimYear, 12, 31));
      if (unpaid > 0) lines.push(makeLine(call.id, "annual", annualOn, unpaid, annualBp));
    }
  }

  for (const s of input.reductionSanctions ?? []) {
    if (compareDates(s.notifiedOn, input.asOf) > 0) continue;
    const excess = Math.max(0, s.definitiveCents - s.reducedProvisionalCents - (s.paidByYearEndCents ?? 0));
    if (excess === 0) continue;
    lines.push(makeLine(s.callId, "reduction-sanction-quarterly", s.notifiedOn, excess, quarterlyBp));
    lines.push(makeLine(s.callId, "reduction-sanction-annual", s.notifiedOn, excess, annualBp));
  }

  lines.sort((a, b) => compareDates(a.on, b.on) || a.callId.localeCompare(b.callId));
  const totalCents = lines.reduce((sum, l) => sum + l.amountCents, 0);
  breakdown.push(line("surcharge.total", { count: lines.length }, totalCents));
  return { lines, totalCents, breakdown };
}

function makeLine(callId: string, kind: SurchargeKind, on: IsoDate, baseCents: number, rateBp: number): SurchargeLine {
  const amountCents = applyBp(baseCents, rateBp);
  return {
    callId,
    kind,
    on,
    baseCents,
    rateBp,
    amountCents,
    breakdown: [line(`surcharge.${kind}`, { callId, on, baseCents, rateBp }, amountCents)],
  };
}
