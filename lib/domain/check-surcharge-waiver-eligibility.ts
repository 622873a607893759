// Remission of surcharges (renonciation aux majorations / kwijtschelding, docs/domain.md §7.3): decided by INASTI,
// asked through the fund, only once the principal of the quarter concerned is paid (the surcharges themselves need
// not be paid first). Grounds: force majeure, good-faith belief of not being subject, deserving situation.
export const WAIVER_GROUNDS = ["FORCE_MAJEURE", "GOOD_FAITH", "DESERVING"] as const;
export type WaiverGround = (typeof WAIVER_GROUNDS)[number];

export interface WaiverCall {
  id: string;
  /** Surcharges charged on this call (3 % / 7 %), paid or not. */
  surchargeCents: number;
  /** Contribution and fees of the call still unpaid. */
  principalOutstandingCents: number;
}

export interface WaiverContext {
  /** Calls already covered by a pending waiver request. */
  pendingCallIds: readonly string[];
}

export type WaiverRefusal = "no-calls";
export type WaiverCallRefusal = "no-surcharge" | "principal-unpaid" | "already-requested";

export interface WaiverCallCheck {
  id: string;
  eligible: boolean;
  refusals: WaiverCallRefusal[];
}

export interface WaiverEligibility {
  eligible: boolean;
  refusals: WaiverRefusal[];
  calls: WaiverCallCheck[];
}

export function checkWaiverCall(call: WaiverCall, ctx: WaiverContext): WaiverCallCheck {
  const refusals: WaiverCallRefusal[] = [];
  if (call.surchargeCents <= 0) refusals.push("no-surcharge");
  if (call.principalOutstandingCents > 0) refusals.push("principal-unpaid");
  if (ctx.pendingCallIds.includes(call.id)) refusals.push("already-requested");
  return { id: call.id, eligible: refusals.length === 0, refusals };
}

/** Eligibility of a waiver request for the selected calls: every selected call must be eligible. */
export function checkSurchargeWaiverEligibility(ctx: WaiverContext, calls: readonly WaiverCall[]): WaiverEligibility {
  const refusals: WaiverRefusal[] = calls.length === 0 ? ["no-calls"] : [];
  const checks = calls.map((c) => checkWaiverCall(c, ctx));
  return { eligible: refusals.length === 0 && checks.every((c) => c.eligible), refusals, calls: checks };
}
