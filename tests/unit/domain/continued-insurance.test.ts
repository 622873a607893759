import { describe, expect, it } from "vitest";
import {
  CONTINUED_INSURANCE_FILING_QUARTERS,
  CONTINUED_INSURANCE_MAX_QUARTERS,
  CONTINUED_INSURANCE_OPTIONS,
  continuedInsurance,
  continuedInsurancePeriod,
} from "@/lib/domain/continued-insurance";
import type { Quarter } from "@/lib/domain/dates";

const q = (year: number, quarter: 1 | 2 | 3 | 4): Quarter => ({ year, quarter });
const all = [q(2025, 4), q(2026, 1), q(2026, 2), q(2026, 3)];

describe("continued insurance (§3.7)", () => {
  it("cessation in Q3 2026: the 4 reference quarters met, asked in time, the period Q4 2026 – Q3 2028", () => {
    const c = continuedInsurance({ cessationOn: "2026-09-15", today: "2026-11-28", qualifyingQuarters: all });
    expect(c).toEqual({
      valid: true,
      cessationQuarter: q(2026, 3),
      referenceQuarters: all.map((quarter) => ({ quarter, met: true })),
      contributionsMet: true,
      filingDeadlineOn: "2027-06-30",
      inTime: true,
      firstQuarter: q(2026, 4),
      lastQuarter: q(2028, 3),
      refusal: null,
    });
    expect(CONTINUED_INSURANCE_OPTIONS).toEqual(["PENSION", "PENSION_AND_HEALTH"]);
    expect(CONTINUED_INSURANCE_FILING_QUARTERS).toBe(3);
    expect(CONTINUED_INSURANCE_MAX_QUARTERS).toBe(8);
  });

  it("a reference quarter without qualifying contributions (e.g. complementary occupation) fails first", () => {
    const c = continuedInsurance({ cessationOn: "2026-09-15", today: "2026-11-28", qualifyingQuarters: [q(2026, 1), q(2026, 2), q(2026, 3)] });
    expect(c.valid && c.referenceQuarters[0]).toEqual({ quarter: q(2025, 4), met: false });
    expect(c.valid && [c.contributionsMet, c.refusal]).toEqual([false, "contributions-missing"]);
  });

  it("the last day to ask is the end of the 3rd quarter after the quarter of cessation", () => {
    expect(continuedInsurance({ cessationOn: "2025-12-31", today: "2026-09-30", qualifyingQuarters: [q(2025, 1), q(2025, 2), q(2025, 3), q(2025, 4)] })).toMatchObject({ inTime: true, refusal: null });
    expect(continuedInsurance({ cessationOn: "2025-12-31", today: "2026-10-01", qualifyingQuarters: [q(2025, 1), q(2025, 2), q(2025, 3), q(2025, 4)] })).toMatchObject({ filingDeadlineOn: "2026-09-30", inTime: false, refusal: "too-late" });
  });

  it("refuses a date that is not a date, or a cessation still to come", () => {
    expect(continuedInsurance({ cessationOn: "2026-02-30", today: "2026-11-28", qualifyingQuarters: all })).toEqual({ valid: false, refusal: "invalid-date" });
    expect(continuedInsurance({ cessationOn: "2026-11-29", today: "2026-11-28", qualifyingQuarters: all })).toEqual({ valid: false, refusal: "cessation-in-future" });
    expect(continuedInsurance({ cessationOn: "2026-11-28", today: "2026-11-28", qualifyingQuarters: all }).valid).toBe(true);
  });

  it("the period asked for: 1 to 8 quarters from the quarter after cessation", () => {
    expect(continuedInsurancePeriod(q(2026, 3), 1)).toEqual({ firstQuarter: q(2026, 4), lastQuarter: q(2026, 4) });
    expect(continuedInsurancePeriod(q(2026, 4), 8)).toEqual({ firstQuarter: q(2027, 1), lastQuarter: q(2028, 4) });
    expect(continuedInsurancePeriod(q(2026, 4), 0)).toBeNull();
    expect(continuedInsurancePeriod(q(2026, 4), 9)).toBeNull();
    expect(continuedInsurancePeriod(q(2026, 4), 2.5)).toBeNull();
  });
});
