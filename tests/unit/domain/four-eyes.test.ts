import { describe, expect, it } from "vitest";
import { INASTI_FOUR_EYES_CENTS, inastiAcceptanceNeedsSecondApprover } from "@/lib/domain/four-eyes";

describe("four eyes on INASTI acceptances", () => {
  it("one advisor up to the threshold, two above it", () => {
    expect(inastiAcceptanceNeedsSecondApprover(0)).toBe(false);
    expect(inastiAcceptanceNeedsSecondApprover(INASTI_FOUR_EYES_CENTS)).toBe(false);
    expect(inastiAcceptanceNeedsSecondApprover(INASTI_FOUR_EYES_CENTS + 1)).toBe(true);
  });
});
