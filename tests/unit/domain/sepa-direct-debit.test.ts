// SEPA direct debit rules beyond the XSD: TARGET2 settlement days (the ECB's closing days, checked against the
// published 2026–2027 calendar) and the return reasons that end a mandate.
import { describe, expect, it } from "vitest";
import { addDays, isTargetDay, returnEndsMandate } from "@/lib/domain";

const TARGET_CLOSED = ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-12-25", "2026-12-26", "2027-01-01", "2027-03-26", "2027-03-29", "2027-05-01", "2027-12-25", "2027-12-26"];

describe("TARGET days", () => {
  it("closes on the ECB's holidays and on weekends, and only then", () => {
    const closed: string[] = [];
    for (let d = "2026-01-01"; d <= "2027-12-31"; d = addDays(d, 1)) {
      const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
      if (!isTargetDay(d) && weekday !== 0 && weekday !== 6) closed.push(d);
    }
    expect(closed).toEqual(TARGET_CLOSED.filter((d) => ![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay())));
    expect(isTargetDay("2026-12-05")).toBe(false); // a Saturday
    expect(isTargetDay("2026-12-06")).toBe(false); // a Sunday
    expect(isTargetDay("2026-12-07")).toBe(true);
    // Belgian public holidays that are not TARGET holidays: collections settle
    expect(isTargetDay("2026-07-21")).toBe(true);
    expect(isTargetDay("2026-11-11")).toBe(true);
  });
});

describe("returns that end a mandate", () => {
  it("ends the mandate on a closed, wrong or blocked account, no mandate, or a deceased debtor", () => {
    for (const code of ["AC01", "AC04", "AC06", "AC13", "AG01", "MD01", "MD07", " ac04 "]) expect(returnEndsMandate(code), code).toBe(true);
  });

  it("keeps it on insufficient funds, a refund asked, an unspecified or missing reason", () => {
    for (const code of ["AM04", "MD06", "MS02", "MS03", "RTRN", ""]) expect(returnEndsMandate(code), code).toBe(false);
  });
});
