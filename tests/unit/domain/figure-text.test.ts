import { describe, it, expect } from "vitest";
import { figureFromText } from "../../../lib/domain/parameters/figure-text";

describe("figureFromText: legal figures as staff type them", () => {
  it("reads euros for amounts, exactly", () => {
    expect(figureFromText("cents", "1 019,91")).toEqual({ ok: true, value: 101_991n });
    expect(figureFromText("cents", "")).toEqual({ ok: false, code: "amountEmpty" });
    expect(figureFromText("cents", "1.234")).toEqual({ ok: false, code: "amountAmbiguous" });
  });
  it("reads a percentage for rates, two decimals at most, up to 100 %", () => {
    expect(figureFromText("bp", "20,5")).toEqual({ ok: true, value: 2050n });
    expect(figureFromText("bp", "14.16 %")).toEqual({ ok: true, value: 1416n });
    expect(figureFromText("bp", "3")).toEqual({ ok: true, value: 300n });
    for (const bad of ["2050 bp", "1,234", "101", "-3", "abc"]) expect(figureFromText("bp", bad)).toEqual({ ok: false, code: "percentInvalid" });
  });
  it("reads whole numbers for counts", () => {
    expect(figureFromText("count", " 105 ")).toEqual({ ok: true, value: 105n });
    expect(figureFromText("count", "10,5")).toEqual({ ok: false, code: "countInvalid" });
  });
  it("reads a decimal ratio over the figure's denominator, refusing what is not exact", () => {
    expect(figureFromText("ratio", "1,041789", 1_000_000n)).toEqual({ ok: true, value: 1_041_789n });
    expect(figureFromText("ratio", "1.5", 1_000_000n)).toEqual({ ok: true, value: 1_500_000n });
    expect(figureFromText("ratio", "2", 4n)).toEqual({ ok: true, value: 8n });
    expect(figureFromText("ratio", "1,0000001", 1_000_000n)).toEqual({ ok: false, code: "ratioInvalid" });
    expect(figureFromText("ratio", "1,5", null)).toEqual({ ok: false, code: "ratioInvalid" });
    expect(figureFromText("ratio", "x", 10n)).toEqual({ ok: false, code: "ratioInvalid" });
  });
});
