// One date style for people (issue #13 part 8): in words in letters ('2 décembre 2026', '1er janvier 2027'), as in a
// table elsewhere ('02/12/2026'), never ISO; months and quarters in words or their usual abbreviation; quarters as
// ordinals in sentences ('1er trimestre', '2e trimestre', '1e kwartaal').
import { describe, expect, it } from "vitest";
import { formatCodes, formatDate, formatDateTime, formatLongDate, formatMonth, formatQuarter } from "@/lib/format";
import { serverTranslator } from "@/lib/i18n/translator";
import { formatMessageValues } from "@/lib/format-values";

describe("dates for people", () => {
  it("writes a letter's date in words, the first of the month as an ordinal in French", () => {
    expect(formatLongDate("fr", "2026-12-02")).toBe("2 décembre 2026");
    expect(formatLongDate("fr", "2027-01-01")).toBe("1er janvier 2027");
    expect(formatLongDate("fr", "2027-01-11")).toBe("11 janvier 2027");
    expect(formatLongDate("nl", "2027-01-01")).toBe("1 januari 2027");
    expect(formatLongDate("nl", "2026-12-02")).toBe("2 december 2026");
  });

  it("writes a moment in Brussels time, with the same ordinal", () => {
    expect(formatDateTime("fr", "2026-12-31T23:30:00Z")).toBe("1er janvier 2027 à 00:30");
    expect(formatDateTime("fr", "2026-12-02T13:05:00Z")).toBe("2 décembre 2026 à 14:05");
    expect(formatDateTime("nl", "2026-12-31T23:30:00Z")).toBe("1 januari 2027 om 00:30");
  });

  it("writes a table's date as 02/12/2026", () => {
    expect(formatDate("fr", "2026-12-02")).toBe("02/12/2026");
    expect(formatDate("nl", "2027-01-01")).toBe("01/01/2027");
  });

  it("names months and quarters", () => {
    expect(formatMonth("fr", "2026-11")).toBe("novembre 2026");
    expect(formatMonth("nl", "2026-03")).toBe("maart 2026");
    expect(formatMonth("fr", "2026-02", "short")).toBe("févr. 2026");
    expect(formatQuarter("fr", 2026, 1)).toBe("T1 2026");
    expect(formatQuarter("nl", 2026, 4)).toBe("K4 2026");
  });

  it("turns the domain's codes in a message value into words, and leaves the rest", () => {
    expect(formatCodes("fr", "2026-12-02")).toBe("02/12/2026");
    expect(formatCodes("fr", "2025-Q3, 2026-Q1")).toBe("T3 2025, T1 2026");
    expect(formatCodes("nl", "2026-Q2")).toBe("K2 2026");
    expect(formatCodes("fr", "BANKRUPTCY")).toBe("BANKRUPTCY");
    expect(formatCodes("fr", "—")).toBe("—");
  });
});

describe("a message's values", () => {
  it("shows every ISO date as a date, whatever the value's name (a surcharge's 'on' too)", () => {
    expect(formatMessageValues("fr", { on: "2026-09-30", dueOn: "2026-12-31", reference: "D-2026-000001" })).toEqual({ on: "30/09/2026", dueOn: "31/12/2026", reference: "D-2026-000001" });
    expect(serverTranslator("fr")("ledger.surcharge.quarterly", formatMessageValues("fr", { rateBp: 300, baseCents: 240_845, on: "2026-09-30" }))).toBe("3 % sur 2\u202f408,45\u00a0€ impayés au 30/09/2026");
  });
});

describe("quarters as ordinals in the catalogues", () => {
  it("says '1er trimestre', '2e trimestre' in French and '1e kwartaal' in Dutch", () => {
    const fr = serverTranslator("fr");
    const nl = serverTranslator("nl");
    expect(fr("call.quarterLabel", { quarter: 1, year: 2027 })).toBe("1er trimestre 2027");
    expect(fr("call.quarterLabel", { quarter: 2, year: 2027 })).toBe("2e trimestre 2027");
    expect(fr("me.quarterLabel", { quarter: 4, year: 2026 })).toBe("4e trimestre 2026");
    expect(fr("ss_pay.quarterLabel", { quarter: 1, year: 2027 })).toBe("1er trimestre 2027");
    expect(nl("call.quarterLabel", { quarter: 1, year: 2027 })).toBe("1e kwartaal 2027");
    expect(fr("moCallMail.subject", { quarter: 1, year: 2027 })).toBe("Votre appel de cotisations du 1er trimestre 2027 est dans votre portail");
    expect(nl("moCallMail.subject", { quarter: 1, year: 2027 })).toBe("Uw bijdrageberekening voor het 1e kwartaal 2027 staat in uw portaal");
    expect(fr("breakdown.regularisation.supplement", { quarter: 1 })).toBe("Supplément pour le 1er trimestre");
    expect(fr("ledger.call.provisional", { quarter: 3, year: 2026 })).toBe("avis du 3e trimestre 2026");
    expect(fr("bo_dossier.callPeriod", { quarter: 0, year: 2024 })).toBe("2024");
    expect(nl("bo_dossier.callPeriod", { quarter: 2, year: 2026 })).toBe("K2 2026");
  });
});
