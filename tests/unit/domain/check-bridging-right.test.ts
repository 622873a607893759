import { describe, expect, it } from "vitest";
import {
  ageOn,
  checkBridgingRight,
  countsAsMainQuarter,
  economicPillarMonths,
  legalPensionAge,
  type BridgingRightInput,
  type ContributionQuarter,
} from "../../../lib/domain/check-bridging-right";
import { addQuarters, type Quarter } from "../../../lib/domain/dates";
import type { CentsFigure } from "../../../lib/domain/parameters/types";

const known = (value: number): CentsFigure => ({ unit: "cents", value, source: "s", status: "confirmed" });
const missing: CentsFigure = { unit: "cents", value: null, source: "s", status: "missing", note: "n" };

/** `count` quarters of main-occupation contributions, all paid, ending with `last`. */
function career(last: Quarter, count: number, over: Partial<ContributionQuarter> = {}): ContributionQuarter[] {
  return Array.from({ length: count }, (_, i) => ({ quarter: addQuarters(last, -i), category: "main" as const, due: true, paid: true, atLeastMainMinimum: true, ...over }));
}

const base = (over: Partial<BridgingRightInput> = {}): BridgingRightInput => ({
  case: "BANKRUPTCY",
  eventOn: "2026-08-14",
  familyCharge: false,
  birthDate: "1975-03-02",
  history: career({ year: 2026, quarter: 3 }, 20),
  monthsAlreadyGranted: 0,
  amounts: { withFamilyChargeCents: known(200000), withoutFamilyChargeCents: known(160000) },
  ...over,
});

const cond = (r: ReturnType<typeof checkBridgingRight>, code: string) => r.conditions.find((c) => c.code === code)!;

describe("bridging right", () => {
  it("grants 12 months at the amount without family charge when every condition is met", () => {
    const r = checkBridgingRight(base());
    expect(r).toMatchObject({ eligible: true, months: 12, monthlyAmountCents: 160000, missingFigures: [] });
    expect(r.conditions.map((c) => [c.code, c.met])).toEqual([
      ["bridging.case", true],
      ["bridging.pensionAge", true],
      ["bridging.lastFourQuarters", true],
      ["bridging.paidInSixteen", true],
      ["bridging.remainingEntitlement", true],
    ]);
    expect(cond(r, "bridging.lastFourQuarters").evidence).toEqual({ quarters: "2026-Q3, 2026-Q2, 2026-Q1, 2025-Q4", failing: "—" });
    expect(cond(r, "bridging.paidInSixteen").evidence).toEqual({ paid: 16, required: 4, from: "2022-Q3", to: "2026-Q2" });
    expect(cond(r, "bridging.pensionAge").evidence).toEqual({ birthDate: "1975-03-02", eventOn: "2026-08-14", age: 51, pensionAge: 66 });
    expect(checkBridgingRight(base({ familyCharge: true })).monthlyAmountCents).toBe(200000);
  });

  it("doubles to 24 months after 60 paid quarters and deducts months already granted", () => {
    expect(checkBridgingRight(base({ history: career({ year: 2026, quarter: 3 }, 60) })).months).toBe(24);
    expect(checkBridgingRight(base({ history: career({ year: 2026, quarter: 3 }, 59) })).months).toBe(12);
    const r = checkBridgingRight(base({ monthsAlreadyGranted: 9 }));
    expect(r.months).toBe(3);
    expect(cond(r, "bridging.remainingEntitlement").evidence).toMatchObject({ maxMonths: 12, usedMonths: 9, remaining: 3 });
    const used = checkBridgingRight(base({ monthsAlreadyGranted: 12 }));
    expect(used).toMatchObject({ eligible: false, months: 0 });
    expect(cond(used, "bridging.remainingEntitlement").met).toBe(false);
    // quarters after the cessation do not lengthen the career
    expect(checkBridgingRight(base({ history: career({ year: 2031, quarter: 3 }, 80) })).conditions.find((c) => c.code === "bridging.remainingEntitlement")!.evidence.paidQuarters).toBe(60);
  });

  it("refuses an unknown case, pension age, unpaid or missing quarters and too few paid quarters", () => {
    expect(cond(checkBridgingRight(base({ case: "HOLIDAY" })), "bridging.case").met).toBe(false);
    const old = checkBridgingRight(base({ birthDate: "1960-08-14" }));
    expect(cond(old, "bridging.pensionAge")).toMatchObject({ met: false, evidence: { age: 66, pensionAge: 66 } });
    expect(cond(checkBridgingRight(base({ birthDate: "1960-08-15" })), "bridging.pensionAge").met).toBe(true);

    const unpaid = career({ year: 2026, quarter: 3 }, 20).map((q) => (q.quarter.year === 2026 && q.quarter.quarter === 1 ? { ...q, paid: false } : q));
    const r = checkBridgingRight(base({ history: unpaid }));
    expect(cond(r, "bridging.lastFourQuarters")).toMatchObject({ met: false, evidence: { failing: "2026-Q1" } });
    expect(r).toMatchObject({ eligible: false, months: 0 });

    const complementary = career({ year: 2026, quarter: 3 }, 20).map((q) => (q.quarter.year === 2025 && q.quarter.quarter === 4 ? { ...q, category: "complementary" as const, atLeastMainMinimum: false } : q));
    expect(cond(checkBridgingRight(base({ history: complementary })), "bridging.lastFourQuarters").evidence.failing).toBe("2025-Q4");
    const paying = complementary.map((q) => ({ ...q, atLeastMainMinimum: true }));
    expect(cond(checkBridgingRight(base({ history: paying })), "bridging.lastFourQuarters").met).toBe(true);

    const short = checkBridgingRight(base({ history: career({ year: 2026, quarter: 3 }, 4) }));
    expect(cond(short, "bridging.paidInSixteen")).toMatchObject({ met: false, evidence: { paid: 3 } });
    expect(cond(short, "bridging.lastFourQuarters").met).toBe(true);
    const missingQuarter = checkBridgingRight(base({ history: career({ year: 2026, quarter: 2 }, 20) }));
    expect(cond(missingQuarter, "bridging.lastFourQuarters").evidence.failing).toBe("2026-Q3");
  });

  it("economic difficulties: duration by career length", () => {
    const econ = (quarters: number) => checkBridgingRight(base({ case: "ECONOMIC_DIFFICULTIES", history: career({ year: 2026, quarter: 3 }, quarters) }));
    expect(econ(7)).toMatchObject({ eligible: false, months: 0 });
    expect(cond(econ(7), "bridging.careerLength")).toEqual({ code: "bridging.careerLength", met: false, evidence: { paidQuarters: 7, months: 0 } });
    expect(econ(8).months).toBe(3);
    expect(econ(20).months).toBe(6);
    expect(econ(60).months).toBe(6);
    expect(econ(61).months).toBe(12);
    expect([0, 7, 8, 19, 20, 60, 61].map(economicPillarMonths)).toEqual([0, 0, 3, 3, 6, 6, 12]);
  });

  it("reports a missing monthly figure instead of inventing an amount", () => {
    const r = checkBridgingRight(base({ amounts: { withFamilyChargeCents: known(1), withoutFamilyChargeCents: missing } }));
    expect(r).toMatchObject({ eligible: true, monthlyAmountCents: null, missingFigures: ["benefits.bridgingRightMonthly.withoutFamilyChargeCents"] });
  });

  it("rejects a negative count of months already granted", () => {
    expect(() => checkBridgingRight(base({ monthsAlreadyGranted: -1 }))).toThrow(expect.objectContaining({ code: "benefit.invalidMonths" }));
    expect(() => checkBridgingRight(base({ monthsAlreadyGranted: 1.5 }))).toThrow(expect.objectContaining({ code: "benefit.invalidMonths" }));
  });

  it("pension age and age helpers", () => {
    expect([legalPensionAge("2025-01-31"), legalPensionAge("2025-02-01"), legalPensionAge("2030-01-31"), legalPensionAge("2030-02-01")]).toEqual([65, 66, 66, 67]);
    expect([ageOn("1980-05-17", "2026-05-16"), ageOn("1980-05-17", "2026-05-17"), ageOn("1980-05-17", "2026-04-30"), ageOn("1980-05-17", "2026-06-01")]).toEqual([45, 46, 45, 46]);
    const q = { quarter: { year: 2026, quarter: 1 as const }, category: null, due: true, paid: true, atLeastMainMinimum: true };
    expect(countsAsMainQuarter(q)).toBe(false);
    expect(countsAsMainQuarter({ ...q, category: "helping-spouse" })).toBe(true);
    expect(countsAsMainQuarter({ ...q, category: "main", due: false })).toBe(false);
  });
});
