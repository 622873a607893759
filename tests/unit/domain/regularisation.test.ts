import { describe, it, expect } from "vitest";
import {
  annualiseIncome,
  calculateRegularisation,
  parametersFor,
  provisionalIncomeBase,
  quarterlyContribution,
  regularisationDueDate,
  revalueIncome,
} from "../../../lib/domain";

describe("income base", () => {
  it("D6 [derived, docs/domain.md §15]: 2026 provisional on 2023 income 40.000 → 42.894,51 → 2.198,34 €/q", () => {
    const base = provisionalIncomeBase({ year: 2026, referenceIncomeCents: 4_000_000 });
    expect(base.incomeCents).toBe(4_289_451);
    expect(base.breakdown.map((l) => l.code)).toEqual(["income.reference", "income.revalued"]);
    const q = quarterlyContribution({ year: 2026, category: "main", annualIncomeCents: base.incomeCents, managementFeeBp: 0 });
    expect(q.contributionCents).toBe(219_834);
  });
  it("2024 coefficient 656,54/553,21 (AR 17-12-2023) and annualisation before revaluation", () => {
    const base = provisionalIncomeBase({ year: 2024, referenceIncomeCents: 1_500_000, referenceQuartersActive: 3 });
    expect(base.breakdown[1]).toMatchObject({ code: "income.annualised", amountCents: 2_000_000 });
    expect(base.incomeCents).toBe(revalueIncome(2_000_000, { numerator: 65654, denominator: 55321 }));
    expect(base.incomeCents).toBe(2_373_565);
  });
  it("2025 coefficient is derived (17.008,88/14.658,44, docs/domain.md §17.2) [derived]; a missing one refuses", () => {
    expect(provisionalIncomeBase({ year: 2025, referenceIncomeCents: 1_465_844 }).incomeCents).toBe(1_700_888);
    const set = parametersFor(2025);
    const missing = { ...set, contribution: { ...set.contribution, revaluationCoefficient: { unit: "ratio" as const, value: null, source: "", status: "missing" as const, note: "n" } } };
    expect(() => provisionalIncomeBase({ year: 2025, referenceIncomeCents: 1 }, missing)).toThrow(
      expect.objectContaining({ code: "parameters.missing" }),
    );
  });
  it("annualises: start in Q2 → income × 4/3 (plusmagazine example rule)", () => {
    expect(annualiseIncome(900_000, 3)).toBe(1_200_000);
    expect(annualiseIncome(100, 3)).toBe(133);
    expect(annualiseIncome(200, 3)).toBe(267);
    expect(() => annualiseIncome(1, 0)).toThrow(expect.objectContaining({ code: "income.invalidQuarters" }));
    expect(() => annualiseIncome(1, 5)).toThrow();
    expect(() => annualiseIncome(1, 1.5)).toThrow();
  });
});

describe("regularisation", () => {
  it("supplement per quarter, fee difference, due date = end of the quarter after notification [derived amounts]", () => {
    const r = calculateRegularisation({
      year: 2025,
      category: "main",
      realIncomeCents: 3_000_000,
      quarters: [1, 2, 3, 4].map((quarter) => ({ quarter: quarter as 1 | 2 | 3 | 4, provisionalCents: 87_171 })),
      notifiedOn: "2027-05-10",
      managementFeeBp: 305,
    });
    expect(r.quarters[0]).toMatchObject({ definitiveCents: 153_750, differenceCents: 66_579, feeDifferenceCents: 2_030, kind: "supplement" });
    expect(r.supplementCents).toBe(4 * 68_609);
    expect(r.refundCents).toBe(0);
    expect(r.netCents).toBe(r.supplementCents);
    expect(r.supplementDueOn).toBe("2027-09-30");
    expect(r.breakdown.map((l) => l.code)).toEqual(["regularisation.realIncome", "regularisation.supplementDue"]);
  });
  it("refund when the real income is lower; partial year annualised; primo-starter quarters", () => {
    const r = calculateRegularisation({
      year: 2025,
      category: "main",
      realIncomeCents: 600_000,
      quarters: [
        { quarter: 4, provisionalCents: 45_015, primoStarter: true },
        { quarter: 3, provisionalCents: 153_750, primoStarter: true },
      ],
      notifiedOn: "2027-12-01",
      managementFeeBp: 0,
    });
    expect(r.annualIncomeCents).toBe(1_200_000);
    expect(r.quarters.map((q) => q.quarter)).toEqual([3, 4]);
    // 12.000 annualised ≥ primo threshold 8.783,48 → 615,00 per quarter [derived]
    expect(r.quarters[0]).toMatchObject({ definitiveCents: 61_500, kind: "refund" });
    expect(r.quarters[1]).toMatchObject({ definitiveCents: 61_500, kind: "supplement" });
    expect(r.supplementDueOn).toBe("2028-03-31");
    expect(r.netCents).toBe(r.supplementCents - r.refundCents);
    expect(r.breakdown.map((l) => l.code)).toContain("income.annualised");
    expect(r.breakdown.map((l) => l.code)).toContain("regularisation.refundDue");
  });
  it("nothing to do when provisional = definitive", () => {
    const r = calculateRegularisation({
      year: 2024,
      category: "complementary",
      realIncomeCents: 100_000,
      quarters: [{ quarter: 1, provisionalCents: 0 }, { quarter: 2, provisionalCents: 0 }, { quarter: 3, provisionalCents: 0 }, { quarter: 4, provisionalCents: 0 }],
      notifiedOn: "2026-05-01",
      managementFeeBp: 305,
    });
    expect(r.quarters.every((q) => q.kind === "none")).toBe(true);
    expect(r.supplementDueOn).toBeNull();
  });
  it("rejects empty or duplicated quarters", () => {
    const base = { year: 2025, category: "main" as const, realIncomeCents: 1, notifiedOn: "2027-01-01", managementFeeBp: 0 };
    expect(() => calculateRegularisation({ ...base, quarters: [] })).toThrow(expect.objectContaining({ code: "regularisation.invalidQuarters" }));
    expect(() =>
      calculateRegularisation({ ...base, quarters: [{ quarter: 1, provisionalCents: 0 }, { quarter: 1, provisionalCents: 0 }] }),
    ).toThrow();
  });
  it("due date helper (Liantis example: bill in Q2 → pay by 30 September)", () => {
    expect(regularisationDueDate("2027-04-01")).toBe("2027-09-30");
    expect(regularisationDueDate("2027-12-31")).toBe("2028-03-31");
  });
});
