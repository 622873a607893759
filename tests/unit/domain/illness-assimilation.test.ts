import { describe, expect, it } from "vitest";
import { ASSIMILATION_MIN_DAYS_SELF_EMPLOYED, assimilatedQuarterList, assimilationQuarters, illnessAssimilation, isAssimilatedQuarter } from "@/lib/domain/illness-assimilation";

const base = { affiliationStartOn: "2015-01-01", today: "2026-05-10", previousQuarterPaid: true, resumptionOn: null };

describe("assimilation for illness", () => {
  it("starts the quarter after the incapacity, or that quarter when it begins in its first month", () => {
    expect(assimilationQuarters("2026-02-10", null)).toEqual({ firstQuarter: { year: 2026, quarter: 2 }, lastQuarter: null });
    expect(assimilationQuarters("2026-01-31", null)).toEqual({ firstQuarter: { year: 2026, quarter: 1 }, lastQuarter: null });
    expect(assimilationQuarters("2026-12-15", null).firstQuarter).toEqual({ year: 2027, quarter: 1 });
  });

  it("ends with the quarter of resumption, or the next one when work resumes in a quarter's third month", () => {
    expect(assimilationQuarters("2026-01-10", "2026-08-01").lastQuarter).toEqual({ year: 2026, quarter: 3 });
    expect(assimilationQuarters("2026-01-10", "2026-09-01").lastQuarter).toEqual({ year: 2026, quarter: 4 });
    expect(assimilationQuarters("2026-02-10", "2026-03-01").lastQuarter).toEqual({ year: 2026, quarter: 2 });
    // resumption before the first assimilated quarter: nothing is assimilated
    expect(illnessAssimilation({ ...base, incapacityStartOn: "2026-02-10", resumptionOn: "2026-02-20" })).toEqual({ ok: false, refusal: "nothing-assimilated" });
  });

  it("applies the conditions: a real period, 90 days of self-employment, the quarter before paid", () => {
    expect(illnessAssimilation({ ...base, incapacityStartOn: "2026-02-10" })).toEqual({ ok: true, firstQuarter: { year: 2026, quarter: 2 }, lastQuarter: null, quarterBefore: { year: 2026, quarter: 1 } });
    expect(illnessAssimilation({ ...base, incapacityStartOn: "2026-02-30" })).toEqual({ ok: false, refusal: "invalid-date" });
    expect(illnessAssimilation({ ...base, incapacityStartOn: "2026-02-10", resumptionOn: "nope" })).toEqual({ ok: false, refusal: "invalid-date" });
    expect(illnessAssimilation({ ...base, incapacityStartOn: "2026-05-11" })).toEqual({ ok: false, refusal: "start-in-future" });
    expect(illnessAssimilation({ ...base, incapacityStartOn: "2026-02-10", resumptionOn: "2026-02-10" })).toEqual({ ok: false, refusal: "resumption-before-start" });
    expect(ASSIMILATION_MIN_DAYS_SELF_EMPLOYED).toBe(90);
    expect(illnessAssimilation({ ...base, affiliationStartOn: "2026-01-01", incapacityStartOn: "2026-03-31" })).toEqual({ ok: false, refusal: "under-90-days" });
    expect(illnessAssimilation({ ...base, affiliationStartOn: "2026-01-01", incapacityStartOn: "2026-04-01" }).ok).toBe(true);
    expect(illnessAssimilation({ ...base, incapacityStartOn: "2026-02-10", previousQuarterPaid: false })).toEqual({ ok: false, refusal: "previous-quarter-unpaid" });
    expect(illnessAssimilation({ ...base, incapacityStartOn: "2026-02-10", previousQuarterPaid: null }).ok).toBe(true);
  });

  it("tells which quarters are covered, open or closed", () => {
    const open = { firstQuarter: { year: 2026, quarter: 2 as const }, lastQuarter: null };
    expect(isAssimilatedQuarter({ year: 2030, quarter: 1 }, open)).toBe(true);
    expect(isAssimilatedQuarter({ year: 2026, quarter: 1 }, open)).toBe(false);
    const closed = { firstQuarter: { year: 2026, quarter: 2 as const }, lastQuarter: { year: 2026, quarter: 4 as const } };
    expect(isAssimilatedQuarter({ year: 2027, quarter: 1 }, closed)).toBe(false);
    expect(isAssimilatedQuarter({ year: 2026, quarter: 4 }, closed)).toBe(true);
    expect(assimilatedQuarterList(closed)).toEqual([{ year: 2026, quarter: 2 }, { year: 2026, quarter: 3 }, { year: 2026, quarter: 4 }]);
  });
});
