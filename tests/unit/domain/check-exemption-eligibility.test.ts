import { describe, expect, it } from "vitest";
import {
  checkExemptionCall,
  checkExemptionEligibility,
  exemptionPersonRefusals,
  exemptionWindowEndsOn,
  type ExemptionCall,
  type ExemptionContext,
} from "@/lib/domain/check-exemption-eligibility";

const ctx: ExemptionContext = { today: "2026-11-28", category: "main", mainQuarters: 20, paysMainLevel: false, pendingCallIds: [] };
const q3: ExemptionCall = { id: "q3", kind: "provisional", quarter: { year: 2026, quarter: 3 }, issuedOn: "2026-07-01", principalOutstandingCents: 90_000 };

describe("exemption window (12 months from the quarter after the one concerned)", () => {
  it("provisional Q3 2026 → from 1 October 2026 to 30 September 2027", () => {
    expect(exemptionWindowEndsOn(q3)).toBe("2027-09-30");
  });
  it("Q4 rolls over to the next year", () => {
    expect(exemptionWindowEndsOn({ ...q3, quarter: { year: 2025, quarter: 4 } })).toBe("2026-12-31");
  });
  it("a regularisation counts from the quarter after the statement, not the quarter regularised", () => {
    expect(exemptionWindowEndsOn({ kind: "regularisation", quarter: { year: 2024, quarter: 1 }, issuedOn: "2026-05-15" })).toBe("2027-06-30");
  });
});

describe("who may ask", () => {
  it("main occupation from the 4th quarter on", () => {
    expect(exemptionPersonRefusals({ category: "main", mainQuarters: 4, paysMainLevel: false })).toEqual([]);
    expect(exemptionPersonRefusals({ category: "main", mainQuarters: 3, paysMainLevel: false })).toEqual(["main-under-four-quarters"]);
  });
  it("helping spouse and active pensioner: yes; complementary: never", () => {
    expect(exemptionPersonRefusals({ category: "helping-spouse", mainQuarters: 0, paysMainLevel: false })).toEqual([]);
    expect(exemptionPersonRefusals({ category: "active-pensioner", mainQuarters: 0, paysMainLevel: false })).toEqual([]);
    expect(exemptionPersonRefusals({ category: "complementary", mainQuarters: 40, paysMainLevel: true })).toEqual(["category-excluded"]);
  });
  it("art. 37 and students only at the main-occupation level", () => {
    for (const category of ["art37", "student"] as const) {
      expect(exemptionPersonRefusals({ category, mainQuarters: 0, paysMainLevel: false })).toEqual(["category-excluded"]);
      expect(exemptionPersonRefusals({ category, mainQuarters: 0, paysMainLevel: true })).toEqual([]);
    }
  });
  it("no current subjection (or a company): refused", () => {
    expect(exemptionPersonRefusals({ category: null, mainQuarters: 0, paysMainLevel: false })).toEqual(["not-self-employed"]);
  });
});

describe("which calls", () => {
  it("an unpaid provisional call inside the window is eligible", () => {
    expect(checkExemptionCall(q3, ctx)).toEqual({ id: "q3", eligible: true, refusals: [], windowEndsOn: "2027-09-30" });
  });
  it("the last day of the window still counts, the day after does not", () => {
    expect(checkExemptionCall(q3, { ...ctx, today: "2027-09-30" }).eligible).toBe(true);
    expect(checkExemptionCall(q3, { ...ctx, today: "2027-10-01" }).refusals).toEqual(["window-expired"]);
  });
  it("refuses a paid call, the company contribution and a call already asked, each with its reason", () => {
    const c: ExemptionCall = { ...q3, kind: "company", principalOutstandingCents: 0 };
    expect(checkExemptionCall(c, { ...ctx, pendingCallIds: ["q3"] }).refusals).toEqual(["company-contribution", "already-paid", "already-requested"]);
  });
});

describe("checkExemptionEligibility", () => {
  it("eligible when the person and every selected call are", () => {
    const r = checkExemptionEligibility(ctx, [q3, { ...q3, id: "q4", quarter: { year: 2026, quarter: 4 } }]);
    expect(r.eligible).toBe(true);
    expect(r.refusals).toEqual([]);
    expect(r.calls.map((c) => c.eligible)).toEqual([true, true]);
  });
  it("one ineligible call makes the request ineligible", () => {
    const r = checkExemptionEligibility(ctx, [q3, { ...q3, id: "old", quarter: { year: 2024, quarter: 1 } }]);
    expect(r.eligible).toBe(false);
    expect(r.refusals).toEqual([]);
    expect(r.calls[1].refusals).toEqual(["window-expired"]);
  });
  it("no call selected, or a refused person, is ineligible", () => {
    expect(checkExemptionEligibility(ctx, [])).toEqual({ eligible: false, refusals: ["no-calls"], calls: [] });
    const r = checkExemptionEligibility({ ...ctx, category: "complementary" }, [q3]);
    expect(r).toMatchObject({ eligible: false, refusals: ["category-excluded"] });
    expect(r.calls[0].eligible).toBe(true);
  });
});
