import { describe, expect, it } from "vitest";
import { formatDate, formatEnterpriseNumber, formatMoney, formatNiss, formatStructuredCommunication } from "@/lib/format";
import { todayInBrussels } from "@/lib/clock";
import { localeFromAcceptLanguage } from "@/lib/i18n/config";

describe("formatting for people", () => {
  it("formats cents as euros in French and Dutch (Belgium)", () => {
    expect(formatMoney("fr", 89_834).replace(/\s/g, " ")).toBe("898,34 €");
    expect(formatMoney("nl", 510_305).replace(/\s/g, " ")).toMatch(/^€ 5\.103,05$/);
    expect(formatMoney("fr", -1).replace(/\s/g, " ")).toBe("-0,01 €");
  });

  it("formats date-only values without a time-zone shift", () => {
    expect(formatDate("fr", "2026-12-31")).toBe("31/12/2026");
    expect(formatDate("nl", "2026-03-05")).toMatch(/^0?5\/0?3\/2026$/);
  });

  it("prints identifiers the way Belgians write them", () => {
    expect(formatNiss("85073003427")).toBe("85.07.30-034.27");
    expect(formatEnterpriseNumber("0403170701")).toBe("0403.170.701");
    expect(formatStructuredCommunication("010806817183")).toBe("+++010/8068/17183+++");
  });
});

describe("today in Brussels", () => {
  it("is the Brussels calendar date, not the UTC one", () => {
    expect(todayInBrussels(new Date("2026-06-30T22:30:00Z"), "")).toBe("2026-07-01");
    expect(todayInBrussels(new Date("2026-12-31T22:59:00Z"), "")).toBe("2026-12-31");
    expect(todayInBrussels(new Date("2026-12-31T23:00:00Z"), "")).toBe("2027-01-01");
  });

  it("can be pinned for demos and tests, and refuses a malformed date", () => {
    expect(todayInBrussels(new Date(), "2026-11-28")).toBe("2026-11-28");
    expect(() => todayInBrussels(new Date(), "28/11/2026")).toThrow(/YYYY-MM-DD/);
  });
});

describe("language negotiation", () => {
  it("picks the browser's first language among French, Dutch, German and English, French by default", () => {
    expect(localeFromAcceptLanguage("nl-BE,nl;q=0.9,en;q=0.8")).toBe("nl");
    expect(localeFromAcceptLanguage("en-US,fr;q=0.5")).toBe("en");
    expect(localeFromAcceptLanguage("de-DE")).toBe("de");
    expect(localeFromAcceptLanguage("es-ES,de;q=0.7")).toBe("de");
    expect(localeFromAcceptLanguage("es-ES")).toBe("fr");
    expect(localeFromAcceptLanguage(undefined)).toBe("fr");
  });

  it("formats dates, amounts and quarters as each language reads them in Belgium", async () => {
    const { formatDate, formatLongDate, formatMoney, formatQuarter } = await import("@/lib/format");
    const plain = (s: string) => s.replace(/\s/g, " ");
    expect(["fr", "nl", "de", "en"].map((l) => plain(formatMoney(l, 123456)))).toEqual(["1 234,56 €", "€ 1.234,56", "1.234,56 €", "€1,234.56"]);
    expect(["fr", "nl", "de", "en"].map((l) => formatDate(l, "2026-03-31"))).toEqual(["31/03/2026", "31/03/2026", "31.03.2026", "31/03/2026"]);
    expect(["fr", "de", "en"].map((l) => formatLongDate(l, "2027-01-01"))).toEqual(["1er janvier 2027", "1. Januar 2027", "1 January 2027"]);
    expect(["fr", "nl", "de", "en"].map((l) => formatQuarter(l, 2026, 4))).toEqual(["T4 2026", "K4 2026", "Q4 2026", "Q4 2026"]);
  });
});

describe("legal figures for people", () => {
  it("shows euros, percentages, ratios and counts, never cents or basis points", async () => {
    const { formatFigure } = await import("@/lib/format");
    const plain = (s: string) => s.replace(/\s/g, " ");
    expect(plain(formatFigure("fr", "cents", "101991"))).toBe("1 019,91 €");
    expect(plain(formatFigure("fr", "bp", "2050"))).toBe("20,5 %");
    expect(plain(formatFigure("nl", "bp", "1416"))).toBe("14,16 %");
    expect(formatFigure("fr", "ratio", "1041789", "1000000")).toBe("1,041789");
    expect(formatFigure("fr", "count", "105")).toBe("105");
    expect(formatFigure("fr", "cents", "")).toBe("");
  });
});
