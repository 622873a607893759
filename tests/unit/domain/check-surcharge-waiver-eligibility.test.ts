import { describe, expect, it } from "vitest";
import { checkSurchargeWaiverEligibility, checkWaiverCall, WAIVER_GROUNDS, type WaiverCall } from "@/lib/domain/check-surcharge-waiver-eligibility";

const paid: WaiverCall = { id: "q2", surchargeCents: 2_700, principalOutstandingCents: 0 };

describe("surcharge waiver eligibility (§1.14: principal of the quarter paid first)", () => {
  it("a call whose principal is paid and which bears surcharges is eligible (surcharges may be unpaid)", () => {
    expect(checkWaiverCall(paid, { pendingCallIds: [] })).toEqual({ id: "q2", eligible: true, refusals: [] });
  });
  it("principal still unpaid, even by one cent: refused", () => {
    expect(checkWaiverCall({ ...paid, principalOutstandingCents: 1 }, { pendingCallIds: [] }).refusals).toEqual(["principal-unpaid"]);
  });
  it("no surcharge to waive and a call already asked: refused with both reasons", () => {
    expect(checkWaiverCall({ ...paid, surchargeCents: 0 }, { pendingCallIds: ["q2"] }).refusals).toEqual(["no-surcharge", "already-requested"]);
  });
  it("every selected call must be eligible; none selected is refused", () => {
    expect(checkSurchargeWaiverEligibility({ pendingCallIds: [] }, [paid]).eligible).toBe(true);
    const r = checkSurchargeWaiverEligibility({ pendingCallIds: [] }, [paid, { id: "q3", surchargeCents: 2_700, principalOutstandingCents: 50_000 }]);
    expect(r.eligible).toBe(false);
    expect(r.calls.map((c) => c.eligible)).toEqual([true, false]);
    expect(checkSurchargeWaiverEligibility({ pendingCallIds: [] }, [])).toEqual({ eligible: false, refusals: ["no-calls"], calls: [] });
  });
  it("the three grounds INASTI accepts", () => {
    expect(WAIVER_GROUNDS).toEqual(["FORCE_MAJEURE", "GOOD_FAITH", "DESERVING"]);
  });
});
