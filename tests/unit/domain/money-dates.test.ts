import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  addDays,
  addMonths,
  addQuarters,
  applyBp,
  applyRatio,
  assertInteger,
  compareDates,
  daysBetween,
  daysInMonth,
  DomainError,
  fromDayNumber,
  isIsoDate,
  isoWeekday,
  isQuarter,
  isQuarterEnd,
  lastDayOfMonth,
  line,
  maxDate,
  parseIsoDate,
  quarterEnd,
  quarterEndsBetween,
  quarterFromIndex,
  quarterIndex,
  quarterOf,
  quarterStart,
  roundToCents,
  toDayNumber,
} from "../../../lib/domain";

describe("roundToCents — half away from zero", () => {
  it.each([
    [87170.5, 1, 87171],
    [-0.5, 1, -1],
    [0.49, 1, 0],
    [-0.49, 1, 0],
    [1, 3, 0],
    [2, 3, 1],
    [5, -2, -3],
    [-5, -2, 3],
  ])("%s / %s → %s", (n, d, expected) => {
    const scale = 100;
    expect(roundToCents(BigInt(Math.round(n * scale)), BigInt(d * scale))).toBe(expected);
  });
  it("default denominator and zero denominator", () => {
    expect(roundToCents(42)).toBe(42);
    expect(() => roundToCents(1, 0)).toThrow(RangeError);
  });
  it("applyBp / applyRatio / assertInteger", () => {
    expect(applyBp(87171, 305)).toBe(2659);
    expect(applyRatio(4_000_000, { numerator: 107236269, denominator: 100000000 })).toBe(4_289_451);
    expect(() => assertInteger(0.1, "x")).toThrow(RangeError);
  });
  it("property: the rounding error is at most half a cent and symmetric", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        const r = roundToCents(n, d);
        expect(Math.abs(r - n / d)).toBeLessThanOrEqual(0.5 + 1e-9);
        expect(roundToCents(-n, d)).toBe(-r || 0);
      }),
    );
  });
  it("breakdown line helper", () => {
    expect(line("a.b")).toEqual({ code: "a.b", params: {} });
    expect(line("a.b", { x: 1 }, 5)).toEqual({ code: "a.b", params: { x: 1 }, amountCents: 5 });
  });
});

describe("dates", () => {
  it("validates and parses ISO dates", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2023-13-01")).toBe(false);
    expect(isIsoDate("2023-00-10")).toBe(false);
    expect(isIsoDate("2023-1-1")).toBe(false);
    expect(() => parseIsoDate("nope")).toThrow(DomainError);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2025, 4)).toBe(30);
  });
  it("day numbers round-trip", () => {
    expect(toDayNumber("1970-01-01")).toBe(0);
    expect(fromDayNumber(toDayNumber("2024-02-29"))).toBe("2024-02-29");
    expect(fromDayNumber(-1)).toBe("1969-12-31");
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        expect(toDayNumber(fromDayNumber(n))).toBe(n);
      }),
    );
  });
  it("arithmetic", () => {
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(daysBetween("2025-01-01", "2025-03-01")).toBe(59);
    expect(addMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2025-03-15", -3)).toBe("2024-12-15");
    expect(addMonths("2025-11-30", 14)).toBe("2027-01-30");
    expect(lastDayOfMonth(2025, 2)).toBe("2025-02-28");
    expect(isoWeekday("2025-12-01")).toBe(1);
    expect(isoWeekday("2025-11-30")).toBe(7);
    expect(compareDates("2025-01-02", "2025-01-01")).toBeGreaterThan(0);
    expect(maxDate("2025-01-02", "2025-01-01")).toBe("2025-01-02");
    expect(maxDate("2025-01-01", "2025-01-02")).toBe("2025-01-02");
  });
  it("quarters", () => {
    expect(quarterOf("2025-08-15")).toEqual({ year: 2025, quarter: 3 });
    expect(quarterStart({ year: 2025, quarter: 3 })).toBe("2025-07-01");
    expect(quarterEnd({ year: 2025, quarter: 1 })).toBe("2025-03-31");
    expect(addQuarters({ year: 2025, quarter: 4 }, 1)).toEqual({ year: 2026, quarter: 1 });
    expect(addQuarters({ year: 2025, quarter: 1 }, -1)).toEqual({ year: 2024, quarter: 4 });
    expect(quarterFromIndex(quarterIndex({ year: 2030, quarter: 2 }))).toEqual({ year: 2030, quarter: 2 });
    expect(isQuarterEnd("2025-06-30")).toBe(true);
    expect(isQuarterEnd("2025-06-29")).toBe(false);
    expect(isQuarter({ year: 2025, quarter: 5 })).toBe(false);
    expect(isQuarter({ year: 2025, quarter: 2 })).toBe(true);
    expect(quarterEndsBetween("2025-03-31", "2025-12-31")).toEqual(["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31"]);
    expect(quarterEndsBetween("2025-04-15", "2025-06-29")).toEqual([]);
  });
});
