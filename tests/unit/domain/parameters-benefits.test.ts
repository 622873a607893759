import { describe, expect, it } from "vitest";
import { listParameterFigures, parametersFor, PARAMETER_YEARS, withParameterFigures } from "../../../lib/domain";

// The benefit figures not found for 2023-2026 (docs/domain.md §17 item 10, 11, 14) are listed as missing, with a source
// and a note, so staff can enter them in the reference table; nothing is guessed.
const KEYS = [
  "benefits.bridgingRightMonthly.withFamilyChargeCents",
  "benefits.bridgingRightMonthly.withoutFamilyChargeCents",
  "benefits.caregiverMonthly.fullCents",
  "benefits.caregiverMonthly.halfCents",
  "benefits.legalInterestRateBp",
];

describe("benefit figures in the parameter sets", () => {
  it("are missing every year, seedable as rows without a value, with a source and a note", () => {
    for (const year of PARAMETER_YEARS) {
      const rows = new Map(listParameterFigures(parametersFor(year)).map((r) => [r.key, r]));
      for (const key of KEYS) {
        const row = rows.get(key);
        expect(row, `${year} ${key}`).toMatchObject({ year, status: "missing", unit: key.endsWith("Bp") ? "bp" : "cents" });
        expect(row!.source).toMatch(/^https:\/\//);
        expect(row!.note).toContain(String(year));
        expect(row!.valueCents ?? row!.valueBp).toBeUndefined();
      }
    }
  });

  it("a figure entered by staff comes back into the domain", () => {
    const set = withParameterFigures(parametersFor(2026), [
      { year: 2026, key: "benefits.caregiverMonthly.fullCents", unit: "cents", valueCents: 150000, source: "https://example.test", status: "confirmed" },
      { year: 2026, key: "benefits.legalInterestRateBp", unit: "bp", valueBp: 450, source: "https://example.test", status: "confirmed" },
    ]);
    expect(set.benefits.caregiverMonthly.fullCents).toMatchObject({ value: 150000, status: "confirmed" });
    expect(set.benefits.legalInterestRateBp).toMatchObject({ value: 450 });
    expect(set.benefits.caregiverMonthly.halfCents.value).toBeNull();
  });
});
