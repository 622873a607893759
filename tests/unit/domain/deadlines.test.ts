import { describe, it, expect } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  addBusinessDays,
  belgianPublicHolidays,
  charterDeadlines,
  charterPaymentDueOn,
  easterSunday,
  isBelgianPublicHoliday,
  isBusinessDay,
  nextBusinessDay,
  quarterDueDate,
} from "../../../lib/domain";

describe("Belgian public holidays (law 4-1-1974) — own cases", () => {
  it.each([
    [2024, "2024-03-31"],
    [2025, "2025-04-20"],
    [2026, "2026-04-05"],
    [2038, "2038-04-25"],
    [1818, "1818-03-22"],
  ])("Easter %s = %s", (y, d) => expect(easterSunday(y)).toBe(d));

  it("2025: the ten legal holidays", () => {
    expect(belgianPublicHolidays(2025).map((h) => `${h.date} ${h.code}`)).toEqual([
      "2025-01-01 new-year",
      "2025-04-21 easter-monday",
      "2025-05-01 labour-day",
      "2025-05-29 ascension",
      "2025-06-09 whit-monday",
      "2025-07-21 national-day",
      "2025-08-15 assumption",
      "2025-11-01 all-saints",
      "2025-11-11 armistice",
      "2025-12-25 christmas",
    ]);
  });

  it("business days", () => {
    expect(isBelgianPublicHoliday("2025-12-26")).toBe(false); // bank closing day, not a legal holiday
    expect(isBusinessDay("2025-12-25")).toBe(false);
    expect(isBusinessDay("2025-12-27")).toBe(false); // Saturday
    expect(isBusinessDay("2025-12-26")).toBe(true);
    expect(nextBusinessDay("2025-12-25")).toBe("2025-12-26");
    expect(nextBusinessDay("2025-12-26")).toBe("2025-12-26");
    expect(addBusinessDays("2025-12-24", 1)).toBe("2025-12-26");
    expect(addBusinessDays("2025-12-24", 3)).toBe("2025-12-30");
    expect(addBusinessDays("2025-12-29", -2)).toBe("2025-12-24");
    expect(addBusinessDays("2025-12-27", 0)).toBe("2025-12-27");
  });
});

const HOLIDAYS_CSV = path.resolve(import.meta.dirname, "../../../../shared/fixtures/holidays/be_holidays_2020_2040.csv");

describe.skipIf(!existsSync(HOLIDAYS_CSV))(
  "holiday oracle shared/fixtures/holidays/be_holidays_2020_2040.csv (skipped when /work/shared is absent: fixture lives outside the repo)",
  () => {
    it("the 'legal' rows 2020-2040 are exactly the computed holidays", () => {
      const legal = readFileSync(HOLIDAYS_CSV, "utf8")
        .split(/\r?\n/)
        .slice(1)
        .filter((l) => l.split(",")[2] === "legal")
        .map((l) => l.split(",")[0]);
      const computed: string[] = [];
      for (let y = 2020; y <= 2040; y++) computed.push(...belgianPublicHolidays(y).map((h) => h.date));
      expect(legal.length).toBe(210);
      expect(computed).toEqual(legal);
    });
  },
);

describe("Charte de l'assuré social deadlines (law 11-4-1995 art. 3, 10, 12)", () => {
  it("information 45 days, decision 4 months, payment 4 months", () => {
    const d = charterDeadlines({ filedOn: "2025-10-31" });
    expect(d.informationDueOn).toBe("2025-12-15");
    expect(d.decisionDueOn).toBe("2026-02-28");
    expect(d.pausedDays).toBe(0);
    expect(charterPaymentDueOn("2026-02-10")).toBe("2026-06-10");
    expect(quarterDueDate({ year: 2025, quarter: 2 })).toBe("2025-06-30");
  });
  it("decision clock paused while information is requested (overlaps merged, pauses after the deadline ignored)", () => {
    const d = charterDeadlines({
      filedOn: "2025-01-10",
      pauses: [
        { from: "2025-02-20", to: "2025-03-02" }, // second pause overlapping: only 2025-03-02..03-05 added
        { from: "2025-02-01", to: "2025-02-11" }, // 10 days
        { from: "2025-02-25", to: "2025-03-05" },
        { from: "2025-01-01", to: "2025-01-05" }, // before filing: ignored
        { from: "2025-12-01", to: "2025-12-20" }, // after the deadline: ignored
      ],
    });
    expect(d.pausedDays).toBe(10 + 10 + 3);
    expect(d.decisionDueOn).toBe("2025-06-02");
    expect(d.breakdown[1]).toMatchObject({ code: "deadline.decision", params: { pausedDays: 23 } });
  });
  it("rejects a pause that ends before it starts", () => {
    expect(() => charterDeadlines({ filedOn: "2025-01-10", pauses: [{ from: "2025-02-10", to: "2025-02-01" }] })).toThrow(
      expect.objectContaining({ code: "deadline.invalidPause" }),
    );
  });
});
