// The regularisation CSV format (tests/fixtures/regularisation/README.md): units, NISS check, line-numbered errors.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseIncome, parseRegularisationCsv, regularisationCommunication } from "@/lib/jobs/regularisation";
import { isValidStructuredCommunication } from "@/lib/domain";

const fx = (f: string) => readFileSync(path.join(import.meta.dirname, "../../fixtures/regularisation", f), "utf8");
const TODAY = "2026-11-28";

describe("regularisation CSV", () => {
  it("reads euros with a decimal comma and integer cents to the same cents", () => {
    const eur = parseRegularisationCsv(fx("valid-eur.csv"), TODAY);
    const cents = parseRegularisationCsv(fx("valid-cents.csv"), TODAY);
    expect(eur.errors).toEqual([]);
    expect(eur.lines).toEqual([
      { line: 2, niss: "78031405124", year: 2025, incomeCents: 8_000_000 },
      { line: 3, niss: "85092205269", year: 2025, incomeCents: 1_500_050 },
    ]);
    expect(cents).toEqual(eur);
  });

  it.each([
    ["12,34", "eur", 1234], ["12,3", "eur", 1230], ["12", "eur", 1200], ["0", "eur", 0],
    ["12.000,00", "eur", 1_200_000], ["12.000", "eur", null], ["12,345", "eur", null], ["-5,00", "eur", null], ["", "eur", null],
    ["1234", "cents", 1234], ["12,34", "cents", null], ["1e3", "cents", null],
  ] as const)("income %s in %s → %s", (value, unit, expected) => {
    expect(parseIncome(value, unit)).toBe(expected);
  });

  it("reports every faulty line with its number and code", () => {
    const r = parseRegularisationCsv(fx("invalid.csv"), TODAY);
    expect(r.errors).toEqual([
      { code: "regularisation.niss.invalid", params: { line: 3 } },
      { code: "regularisation.year.invalid", params: { line: 4 } },
      { code: "regularisation.income.invalid", params: { line: 5 } },
      { code: "regularisation.line.duplicate", params: { line: 6, firstLine: 2 } },
      { code: "regularisation.columns.count", params: { line: 8, count: 2 } },
    ]);
    expect(r.lines.map((l) => l.line)).toEqual([2, 7]); // line 7 is well formed: its NISS is checked against the database
  });

  it("refuses an unknown header or an empty file", () => {
    expect(parseRegularisationCsv(fx("invalid-header.csv"), TODAY).errors).toEqual([{ code: "regularisation.header.invalid", params: { line: 1 } }]);
    expect(parseRegularisationCsv("niss;year;income_eur\n", TODAY).errors).toEqual([{ code: "regularisation.file.empty", params: { line: 1 } }]);
  });

  it("gives regularisation calls a valid structured communication of their own", () => {
    const c = regularisationCommunication("320001", 2025) as string;
    expect(c.slice(0, 4)).toBe("2502");
    expect(isValidStructuredCommunication(c)).toBe(true);
    expect(regularisationCommunication("A1", 2025)).toBeNull();
  });
});
