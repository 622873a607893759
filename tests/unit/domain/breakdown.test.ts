import { describe, expect, it } from "vitest";
import { asBreakdownLines, line } from "@/lib/domain";

describe("a call's stored breakdown, read back", () => {
  it("keeps the lines (code, params, amount) and drops what is not a line", () => {
    const stored = JSON.parse(JSON.stringify([line("contribution.band1", { rateBp: 2050 }, 12_345), line("fee.management"), 42, null, { params: {} }, { code: 7 }]));
    expect(asBreakdownLines(stored)).toEqual([
      { code: "contribution.band1", params: { rateBp: 2050 }, amountCents: 12_345 },
      { code: "fee.management", params: {} },
    ]);
    expect(asBreakdownLines([{ code: "x" }])).toEqual([{ code: "x", params: {} }]);
    expect(asBreakdownLines({ code: "x" })).toEqual([]);
    expect(asBreakdownLines(null)).toEqual([]);
  });
});
