import { describe, expect, it } from "vitest";
import { calculateBenefitInterest, instalmentDueOn } from "../../../lib/domain/calculate-benefit-interest";
import type { BpFigure } from "../../../lib/domain/parameters/types";

const rate = (value: number | null): BpFigure =>
  value === null ? { unit: "bp", value: null, source: "s", status: "missing", note: "n" } : { unit: "bp", value, source: "s", status: "confirmed" };

describe("late interest on a benefit (Charte art. 20)", () => {
  it("is zero when paid on or before the due date", () => {
    expect(calculateBenefitInterest({ amountCents: 100000, dueOn: "2026-03-31", paidOn: "2026-03-31", rateFor: () => rate(null) })).toEqual({ daysLate: 0, interestCents: 0, breakdown: [] });
    expect(calculateBenefitInterest({ amountCents: 100000, dueOn: "2026-03-31", paidOn: "2026-02-01", rateFor: () => rate(450) }).interestCents).toBe(0);
    // a delivery without an amount (service vouchers) owes nothing, even late, and needs no rate
    expect(calculateBenefitInterest({ amountCents: 0, dueOn: "2026-03-31", paidOn: "2026-04-10", rateFor: () => rate(null) })).toEqual({ daysLate: 10, interestCents: 0, breakdown: [] });
  });

  it("charges days late × rate / 365, simple interest, rounded to the cent", () => {
    // 1.000,00 € × 4,50 % × 60 / 365 = 7,3972… → 7,40 €
    const r = calculateBenefitInterest({ amountCents: 100000, dueOn: "2026-03-31", paidOn: "2026-05-30", rateFor: () => rate(450) });
    expect(r.daysLate).toBe(60);
    expect(r.interestCents).toBe(740);
    expect(r.breakdown).toEqual([{ code: "benefit.interest", params: { year: 2026, from: "2026-04-01", to: "2026-05-30", days: 60, rateBp: 450 }, amountCents: 740 }]);
    // one day late on 1.454,81 € at 4,50 %: 0,1793… → 0,18 €
    expect(calculateBenefitInterest({ amountCents: 145481, dueOn: "2026-03-31", paidOn: "2026-04-01", rateFor: () => rate(450) }).interestCents).toBe(18);
  });

  it("uses each calendar year's rate and rounds the exact sum once", () => {
    const years: number[] = [];
    const r = calculateBenefitInterest({
      amountCents: 100000,
      dueOn: "2025-12-21",
      paidOn: "2026-01-10",
      rateFor: (y) => {
        years.push(y);
        return rate(y === 2025 ? 500 : 450);
      },
    });
    expect(years).toEqual([2025, 2026]);
    expect(r.daysLate).toBe(20);
    // (500 × 10 + 450 × 10) × 1.000 € / 3.650.000 = 2,6027… → 2,60 €
    expect(r.interestCents).toBe(260);
    expect(r.breakdown.map((l) => [l.params.days, l.amountCents])).toEqual([[10, 137], [10, 123]]);
  });

  it("refuses a missing legal rate and a bad amount instead of guessing", () => {
    expect(() => calculateBenefitInterest({ amountCents: 100000, dueOn: "2026-03-31", paidOn: "2026-04-30", rateFor: () => rate(null) })).toThrow(
      expect.objectContaining({ code: "parameters.missing", params: { key: "benefits.legalInterestRateBp", year: 2026 } }),
    );
    expect(() => calculateBenefitInterest({ amountCents: -1, dueOn: "2026-03-31", paidOn: "2026-04-30", rateFor: () => rate(450) })).toThrow(
      expect.objectContaining({ code: "benefit.invalidAmount" }),
    );
    expect(() => calculateBenefitInterest({ amountCents: 1.5, dueOn: "2026-03-31", paidOn: "2026-04-30", rateFor: () => rate(450) })).toThrow(
      expect.objectContaining({ code: "benefit.invalidAmount" }),
    );
  });
});

describe("due date of each monthly instalment", () => {
  it("elapsed months fall due at the Charte deadline, later ones at the end of their month", () => {
    const due = (index: number) => instalmentDueOn({ paymentDueOn: "2027-03-28", firstMonthOn: "2026-09-01", index });
    expect([0, 5, 6, 7, 15].map(due)).toEqual(["2027-03-28", "2027-03-28", "2027-03-31", "2027-04-30", "2027-12-31"]);
    expect(() => due(-1)).toThrow(expect.objectContaining({ code: "benefit.invalidInstalment" }));
    expect(() => due(0.5)).toThrow(expect.objectContaining({ code: "benefit.invalidInstalment" }));
  });
});
