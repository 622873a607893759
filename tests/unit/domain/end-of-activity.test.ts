import { describe, expect, it } from "vitest";
import { END_OF_ACTIVITY_MAX_MONTHS_AHEAD, endOfActivityEffect, isAfterEndOfActivity } from "@/lib/domain/end-of-activity";

const base = { affiliationStartOn: "2015-01-01", today: "2026-05-10", issuedQuarters: [{ year: 2026, quarter: 1 as const }, { year: 2026, quarter: 2 as const }] };

describe("end of activity: effect on the calls", () => {
  it("keeps the quarter of the end due, issued or not, and stops the calls after it", () => {
    const e = endOfActivityEffect({ ...base, lastDayOn: "2026-08-05" });
    expect(e).toEqual({
      ok: true,
      lastQuarter: { year: 2026, quarter: 3 },
      stillDue: [
        { quarter: { year: 2026, quarter: 2 }, issued: true },
        { quarter: { year: 2026, quarter: 3 }, issued: false },
      ],
      cancelled: [],
      noCallsFrom: { year: 2026, quarter: 4 },
    });
  });

  it("a past end cancels the calls already issued for the quarters entirely after it", () => {
    const e = endOfActivityEffect({ ...base, lastDayOn: "2025-12-31", issuedQuarters: [{ year: 2026, quarter: 2 }, { year: 2025, quarter: 4 }, { year: 2026, quarter: 1 }] });
    expect(e.ok && e.stillDue).toEqual([{ quarter: { year: 2025, quarter: 4 }, issued: true }]);
    expect(e.ok && e.cancelled).toEqual([{ year: 2026, quarter: 1 }, { year: 2026, quarter: 2 }]);
    expect(e.ok && e.noCallsFrom).toEqual({ year: 2026, quarter: 1 });
  });

  it("the last day of a quarter keeps that quarter only; the first day of the next keeps the next one whole", () => {
    const onEnd = endOfActivityEffect({ ...base, lastDayOn: "2026-06-30" });
    expect(onEnd.ok && onEnd.lastQuarter).toEqual({ year: 2026, quarter: 2 });
    const nextDay = endOfActivityEffect({ ...base, lastDayOn: "2026-07-01" });
    expect(nextDay.ok && nextDay.lastQuarter).toEqual({ year: 2026, quarter: 3 });
  });

  it("refuses a date before the affiliation, too far ahead or not a date", () => {
    expect(endOfActivityEffect({ ...base, lastDayOn: "2014-12-31" })).toEqual({ ok: false, refusal: "before-start" });
    expect(endOfActivityEffect({ ...base, lastDayOn: "2015-01-01" }).ok).toBe(true);
    expect(END_OF_ACTIVITY_MAX_MONTHS_AHEAD).toBe(3);
    expect(endOfActivityEffect({ ...base, lastDayOn: "2026-08-10" }).ok).toBe(true);
    expect(endOfActivityEffect({ ...base, lastDayOn: "2026-08-11" })).toEqual({ ok: false, refusal: "too-far-ahead" });
    expect(endOfActivityEffect({ ...base, lastDayOn: "2026-02-30" })).toEqual({ ok: false, refusal: "invalid-date" });
    expect(endOfActivityEffect({ ...base, lastDayOn: "" })).toEqual({ ok: false, refusal: "invalid-date" });
  });

  it("tells whether a quarter lies entirely after the last day", () => {
    expect(isAfterEndOfActivity({ year: 2026, quarter: 4 }, "2026-08-15")).toBe(true);
    expect(isAfterEndOfActivity({ year: 2026, quarter: 3 }, "2026-08-15")).toBe(false);
    expect(isAfterEndOfActivity({ year: 2026, quarter: 1 }, "2026-08-15")).toBe(false);
  });
});
