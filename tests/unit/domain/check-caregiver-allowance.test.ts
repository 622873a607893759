import { describe, expect, it } from "vitest";
import { checkCaregiverAllowance, type CaregiverAllowanceInput } from "../../../lib/domain/check-caregiver-allowance";
import type { ContributionQuarter } from "../../../lib/domain/check-bridging-right";
import type { CentsFigure } from "../../../lib/domain/parameters/types";

const known = (value: number): CentsFigure => ({ unit: "cents", value, source: "s", status: "confirmed" });
const missing: CentsFigure = { unit: "cents", value: null, source: "s", status: "missing", note: "n" };
const q = (year: number, quarter: 1 | 2 | 3 | 4, over: Partial<ContributionQuarter> = {}): ContributionQuarter => ({
  quarter: { year, quarter },
  category: "main",
  due: true,
  paid: true,
  atLeastMainMinimum: true,
  ...over,
});

const base = (over: Partial<CaregiverAllowanceInput> = {}): CaregiverAllowanceInput => ({
  interruption: "FULL",
  startOn: "2026-10-01",
  months: 3,
  category: "main",
  atLeastMainMinimum: true,
  history: [q(2026, 1), q(2026, 2), q(2026, 3)],
  monthsAlreadyGranted: 0,
  amounts: { fullCents: known(150000), halfCents: known(75000) },
  ...over,
});
const cond = (r: ReturnType<typeof checkCaregiverAllowance>, code: string) => r.conditions.find((c) => c.code === code)!;

describe("caregiver allowance", () => {
  it("grants the requested months at the full or half amount when every condition is met", () => {
    const r = checkCaregiverAllowance(base());
    expect(r).toMatchObject({ eligible: true, months: 3, monthlyAmountCents: 150000, missingFigures: [] });
    expect(r.conditions.map((c) => [c.code, c.met])).toEqual([
      ["caregiver.interruption", true],
      ["caregiver.category", true],
      ["caregiver.twoQuartersPaid", true],
      ["caregiver.monthsPerRequest", true],
      ["caregiver.careerMonths", true],
    ]);
    expect(cond(r, "caregiver.twoQuartersPaid").evidence).toEqual({ quarters: "2026-Q2, 2026-Q3", failing: "—" });
    expect(checkCaregiverAllowance(base({ interruption: "HALF" })).monthlyAmountCents).toBe(75000);
  });

  it("category: main or helping spouse, others only when paying the main-occupation minimum", () => {
    expect(cond(checkCaregiverAllowance(base({ category: "helping-spouse", atLeastMainMinimum: false })), "caregiver.category")).toMatchObject({ met: true, evidence: { category: "helpingSpouse" } });
    expect(cond(checkCaregiverAllowance(base({ category: "complementary", atLeastMainMinimum: false })), "caregiver.category")).toMatchObject({ met: false, evidence: { category: "complementary", atLeastMainMinimum: "no" } });
    expect(cond(checkCaregiverAllowance(base({ category: "complementary", atLeastMainMinimum: true })), "caregiver.category").met).toBe(true);
    expect(cond(checkCaregiverAllowance(base({ category: null })), "caregiver.category")).toMatchObject({ met: false, evidence: { category: "none" } });
  });

  it("needs the 2 quarters before the interruption quarter paid", () => {
    const r = checkCaregiverAllowance(base({ history: [q(2026, 2), q(2026, 3, { paid: false })] }));
    expect(cond(r, "caregiver.twoQuartersPaid")).toMatchObject({ met: false, evidence: { failing: "2026-Q3" } });
    expect(r).toMatchObject({ eligible: false, months: 0 });
    expect(cond(checkCaregiverAllowance(base({ history: [q(2026, 3)] })), "caregiver.twoQuartersPaid").evidence.failing).toBe("2026-Q2");
  });

  it("at most 6 months per request and 12 over the career", () => {
    expect(cond(checkCaregiverAllowance(base({ months: 7 })), "caregiver.monthsPerRequest").met).toBe(false);
    expect(cond(checkCaregiverAllowance(base({ months: 0 })), "caregiver.monthsPerRequest").met).toBe(false);
    expect(cond(checkCaregiverAllowance(base({ months: 6 })), "caregiver.monthsPerRequest").met).toBe(true);
    const over = checkCaregiverAllowance(base({ months: 4, monthsAlreadyGranted: 9 }));
    expect(cond(over, "caregiver.careerMonths")).toMatchObject({ met: false, evidence: { requested: 4, usedMonths: 9, max: 12, remaining: 3 } });
    expect(checkCaregiverAllowance(base({ months: 3, monthsAlreadyGranted: 9 })).months).toBe(3);
    expect(cond(checkCaregiverAllowance(base({ months: 6, monthsAlreadyGranted: 13 })), "caregiver.careerMonths").evidence.remaining).toBe(0);
    expect(cond(checkCaregiverAllowance(base({ interruption: "QUARTER" })), "caregiver.interruption").met).toBe(false);
  });

  it("reports a missing figure and rejects bad months already granted", () => {
    expect(checkCaregiverAllowance(base({ interruption: "HALF", amounts: { fullCents: known(1), halfCents: missing } }))).toMatchObject({
      monthlyAmountCents: null,
      missingFigures: ["benefits.caregiverMonthly.halfCents"],
    });
    expect(() => checkCaregiverAllowance(base({ monthsAlreadyGranted: -2 }))).toThrow(expect.objectContaining({ code: "benefit.invalidMonths" }));
  });
});
