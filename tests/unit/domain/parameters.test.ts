import { describe, it, expect } from "vitest";
import {
  figureValue,
  latestParametersUpTo,
  listParameterFigures,
  PARAMETER_SETS,
  PARAMETER_YEARS,
  parametersFor,
  ratioValue,
  withParameterFigures,
} from "../../../lib/domain";

describe("parameter sets", () => {
  it("covers 2023-2026 and every figure carries a source and a status", () => {
    expect(PARAMETER_YEARS).toEqual([2023, 2024, 2025, 2026]);
    for (const year of PARAMETER_YEARS) {
      const rows = listParameterFigures(parametersFor(year));
      expect(rows.length).toBeGreaterThan(20);
      for (const row of rows) {
        expect(row.year).toBe(year);
        expect(["confirmed", "derived", "missing"]).toContain(row.status);
        if (row.status === "missing") expect(row.note).toBeTruthy();
        else expect(row.source).toMatch(/^https:\/\//);
        if (row.status === "derived") expect(row.note).toBeTruthy();
      }
    }
  });

  it("lists figures with stable keys and typed values", () => {
    const rows = listParameterFigures(PARAMETER_SETS[2025]);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    expect(byKey.get("contribution.ceiling1Cents")).toMatchObject({ unit: "cents", valueCents: 7344752, status: "confirmed" });
    expect(byKey.get("contribution.band1RateBp")).toMatchObject({ unit: "bp", valueBp: 2050 });
    expect(byKey.get("benefits.maternityServiceVouchers")).toMatchObject({ unit: "count", valueCount: 105 });
    expect(byKey.get("contribution.revaluationCoefficient")).toMatchObject({ unit: "ratio", status: "derived", numerator: 1700888, denominator: 1465844 });
    expect(byKey.get("benefits.maternityLeaveWeekly.2025-02-01.fullFirst4WeeksCents")).toMatchObject({ valueCents: 89031 });
    const r2024 = new Map(listParameterFigures(PARAMETER_SETS[2024]).map((r) => [r.key, r]));
    expect(r2024.get("contribution.revaluationCoefficient")).toMatchObject({ numerator: 65654, denominator: 55321 });
    const r2026 = new Map(listParameterFigures(PARAMETER_SETS[2026]).map((r) => [r.key, r]));
    expect(r2026.get("contribution.minimumIncomeCents")).toMatchObject({ status: "derived", valueCents: 1737408 });
    expect(r2026.get("company.smallAmountCents")).toMatchObject({ status: "derived", valueCents: 40831 });
  });

  it("a missing figure is listed without a value, for staff to fill in", () => {
    const set = parametersFor(2026);
    const missing = { ...set, company: { ...set.company, thresholdCents: { unit: "cents" as const, value: null, source: "", status: "missing" as const, note: "not found" } } };
    const row = listParameterFigures(missing).find((r) => r.key === "company.thresholdCents");
    expect(row).toEqual({ year: 2026, key: "company.thresholdCents", unit: "cents", source: "", status: "missing", note: "not found" });
  });

  it("array items without validFrom are keyed by index", () => {
    const set = parametersFor(2025);
    const extended = { ...set, extra: [set.surcharges.annualRateBp] } as unknown as typeof set;
    expect(listParameterFigures(extended).map((r) => r.key)).toContain("extra.0");
  });

  it("round-trips: rebuilding a set from its own rows gives the same set", () => {
    for (const year of PARAMETER_YEARS) {
      const set = parametersFor(year);
      expect(withParameterFigures(set, listParameterFigures(set))).toEqual(set);
    }
  });

  it("applies corrected rows of every unit, fills a missing figure, and rejects bad rows", () => {
    const set = withParameterFigures(parametersFor(2026), [
      { year: 2026, key: "company.smallAmountCents", unit: "cents", valueCents: 41000, source: "https://example.test", status: "confirmed" },
      { year: 2026, key: "surcharges.quarterlyRateBp", unit: "bp", valueBp: 300, source: "https://example.test", status: "confirmed", note: "n" },
      { year: 2026, key: "benefits.maternityServiceVouchers", unit: "count", valueCount: 110, source: "https://example.test", status: "derived" },
      { year: 2026, key: "contribution.revaluationCoefficient", unit: "ratio", numerator: 3, denominator: 2, source: "https://example.test", status: "confirmed" },
    ]);
    expect(set.company.smallAmountCents).toMatchObject({ value: 41000, status: "confirmed" });
    expect(set.surcharges.quarterlyRateBp).toMatchObject({ value: 300, note: "n" });
    expect(set.benefits.maternityServiceVouchers.value).toBe(110);
    expect(set.contribution.revaluationCoefficient.value).toEqual({ numerator: 3, denominator: 2 });
    const base = parametersFor(2026);
    const bad = (row: Parameters<typeof withParameterFigures>[1][number]) => () => withParameterFigures(base, [row]);
    expect(bad({ year: 2025, key: "company.smallAmountCents", unit: "cents", valueCents: 1, source: "", status: "confirmed" })).toThrow(
      expect.objectContaining({ code: "parameters.unknownKey" }),
    );
    expect(bad({ year: 2026, key: "company.nope", unit: "cents", valueCents: 1, source: "", status: "confirmed" })).toThrow(
      expect.objectContaining({ code: "parameters.unknownKey" }),
    );
    expect(bad({ year: 2026, key: "company.smallAmountCents", unit: "bp", valueBp: 1, source: "", status: "confirmed" })).toThrow(
      expect.objectContaining({ code: "parameters.unitMismatch" }),
    );
    expect(bad({ year: 2026, key: "company.smallAmountCents", unit: "cents", source: "", status: "confirmed" })).toThrow(
      expect.objectContaining({ code: "parameters.valueMissing" }),
    );
    expect(bad({ year: 2026, key: "contribution.revaluationCoefficient", unit: "ratio", numerator: 1, source: "", status: "confirmed" })).toThrow(
      expect.objectContaining({ code: "parameters.valueMissing" }),
    );
  });

  it("figureValue / ratioValue refuse missing figures; parametersFor refuses unknown years", () => {
    expect(() => figureValue({ unit: "cents", value: null, source: "", status: "missing", note: "n" }, "company.thresholdCents", 2026)).toThrow(
      expect.objectContaining({ code: "parameters.missing" }),
    );
    expect(() => ratioValue({ unit: "ratio", value: null, source: "", status: "missing", note: "n" }, "c", 2025)).toThrow(
      expect.objectContaining({ code: "parameters.missing" }),
    );
    expect(() => parametersFor(2022)).toThrow(expect.objectContaining({ code: "parameters.unknownYear" }));
    expect(latestParametersUpTo(2030).year).toBe(2026);
    expect(latestParametersUpTo(2024).year).toBe(2024);
    expect(() => latestParametersUpTo(2022)).toThrow(expect.objectContaining({ code: "parameters.unknownYear" }));
  });

  it("cross-year consistency (docs/domain.md §3.5): ceilings and minimum income move by the same factor [derived check]", () => {
    const v = (y: number, k: "ceiling1Cents" | "ceiling2Cents" | "minimumIncomeCents") =>
      PARAMETER_SETS[y].contribution[k].value as number;
    for (const [a, b] of [[2024, 2025], [2025, 2026]]) {
      const f = v(b, "ceiling1Cents") / v(a, "ceiling1Cents");
      expect(Math.abs(v(a, "ceiling2Cents") * f - v(b, "ceiling2Cents"))).toBeLessThan(100);
      expect(Math.abs(v(a, "minimumIncomeCents") * f - v(b, "minimumIncomeCents"))).toBeLessThan(100);
    }
  });
});
