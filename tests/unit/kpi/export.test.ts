import { describe, expect, it } from "vitest";
import { neutralise, tablesToCsv } from "@/lib/kpi/export";

describe("exports cannot be turned into formulas", () => {
  it("writes a text cell starting with = + - @ (or a tab) as text; numbers stay numbers", () => {
    expect(["=HYPERLINK(\"http://x\")", "+32 2 123", "-5 €", "@SUM(A1)", "\tx", "Dubois", "", null, -5, 12.5].map(neutralise)).toEqual([
      "'=HYPERLINK(\"http://x\")", "'+32 2 123", "'-5 €", "'@SUM(A1)", "'\tx", "Dubois", "", "", -5, 12.5,
    ]);
    const csv = tablesToCsv([{ name: "t", title: "T", headers: ["name", "n"], rows: [["=1+1", 3]] }]);
    expect(csv).toContain("'=1+1;3");
    expect(csv).not.toMatch(/(^|;)=1\+1/m);
  });
});
