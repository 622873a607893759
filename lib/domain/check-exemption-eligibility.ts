// Exemption of contributions (dispense / vrijstelling, docs/domain.md §7.1): decided by INASTI, filed through the fund.
// Who may ask: main occupation after at least 4 quarters, helping spouses (maxi-status), active pensioners, and
// art. 37 / students only when they pay main-occupation-level contributions; complementary occupation is excluded.
// Which contributions: provisional or regularisation contributions not yet paid, asked within 12 months from the
// first day of the quarter following the quarter concerned (regularisation: following the quarter in which the
// statement was received). The company contribution is not a self-employed person's contribution.
import { addDays, addMonths, addQuarters, compareDates, quarterOf, quarterStart, type IsoDate, type Quarter } from "./dates";
import type { Category } from "./calculate-quarterly-contribution";

export const EXEMPTION_REASONS = ["LIVING_WAGE", "DISASTER", "SECTOR_CRISIS", "UNFORESEEN_EXPENSES", "OTHER"] as const;
export type ExemptionReason = (typeof EXEMPTION_REASONS)[number];

export const EXEMPTION_MIN_MAIN_QUARTERS = 4;
export const EXEMPTION_WINDOW_MONTHS = 12;

export type ExemptionCallKind = "provisional" | "regularisation" | "company";

export interface ExemptionCall {
  id: string;
  kind: ExemptionCallKind;
  /** The quarter the contribution is for (regularisation: any quarter of the year regularised). */
  quarter: Quarter;
  /** Date the call (for a regularisation: the statement) was issued. */
  issuedOn: IsoDate;
  /** Contribution and fees still unpaid on this call. */
  principalOutstandingCents: number;
}

export interface ExemptionContext {
  today: IsoDate;
  /** Current category of the person; null for a company or without current subjection. */
  category: Category | null;
  /** Quarters already spent in main occupation (for the ≥ 4 quarters rule). */
  mainQuarters: number;
  /** Art. 37 or student paying contributions at the main-occupation level. */
  paysMainLevel: boolean;
  /** Calls already covered by a pending exemption request. */
  pendingCallIds: readonly string[];
}

export type ExemptionRefusal = "not-self-employed" | "category-excluded" | "main-under-four-quarters" | "no-calls";
export type ExemptionCallRefusal = "company-contribution" | "already-paid" | "window-expired" | "already-requested";

export interface ExemptionCallCheck {
  id: string;
  eligible: boolean;
  refusals: ExemptionCallRefusal[];
  /** Last day on which the exemption of this call can be asked. */
  windowEndsOn: IsoDate;
}

export interface ExemptionEligibility {
  eligible: boolean;
  refusals: ExemptionRefusal[];
  calls: ExemptionCallCheck[];
}

/** Last filing day: 12 months from the first day of the quarter after the quarter concerned, minus one day. */
export function exemptionWindowEndsOn(call: Pick<ExemptionCall, "kind" | "quarter" | "issuedOn">): IsoDate {
  const base = call.kind === "regularisation" ? quarterOf(call.issuedOn) : call.quarter;
  return addDays(addMonths(quarterStart(addQuarters(base, 1)), EXEMPTION_WINDOW_MONTHS), -1);
}

/** Whether the person may ask at all (category and seniority), without looking at any call. */
export function exemptionPersonRefusals(ctx: Pick<ExemptionContext, "category" | "mainQuarters" | "paysMainLevel">): ExemptionRefusal[] {
  if (ctx.category === null) return ["not-self-employed"];
  if (ctx.category === "complementary") return ["category-excluded"];
  if ((ctx.category === "art37" || ctx.category === "student") && !ctx.paysMainLevel) return ["category-excluded"];
  if (ctx.category === "main" && ctx.mainQuarters < EXEMPTION_MIN_MAIN_QUARTERS) return ["main-under-four-quarters"];
  return [];
}

export function checkExemptionCall(call: ExemptionCall, ctx: Pick<ExemptionContext, "today" | "pendingCallIds">): ExemptionCallCheck {
  const refusals: ExemptionCallRefusal[] = [];
  const windowEndsOn = exemptionWindowEndsOn(call);
  if (call.kind === "company") refusals.push("company-contribution");
  if (call.principalOutstandingCents <= 0) refusals.push("already-paid");
  if (compareDates(ctx.today, windowEndsOn) > 0) refusals.push("window-expired");
  if (ctx.pendingCallIds.includes(call.id)) refusals.push("already-requested");
  return { id: call.id, eligible: refusals.length === 0, refusals, windowEndsOn };
}

/** Eligibility of an exemption request for the selected calls: every selected call must be eligible. */
export function checkExemptionEligibility(ctx: ExemptionContext, calls: readonly ExemptionCall[]): ExemptionEligibility {
  const refusals = exemptionPersonRefusals(ctx);
  if (calls.length === 0) refusals.push("no-calls");
  const checks = calls.map((c) => checkExemptionCall(c, ctx));
  return { eligible: refusals.length === 0 && checks.every((c) => c.eligible), refusals, calls: checks };
}
