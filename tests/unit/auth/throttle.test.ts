import { describe, expect, it } from "vitest";
import { secondsUntilNextAttempt, throttleWaitSeconds, THROTTLE_MAX_SECONDS } from "@/lib/auth/throttle";

describe("sign-in throttling", () => {
  it("lets the first failures through, then doubles the wait, capped", () => {
    expect([0, 1, 2, 3, 4, 5, 8].map(throttleWaitSeconds)).toEqual([0, 0, 0, 1, 2, 4, 32]);
    expect(throttleWaitSeconds(40)).toBe(THROTTLE_MAX_SECONDS);
  });

  it("counts the wait from the last failure", () => {
    const last = new Date("2026-01-01T10:00:00Z");
    expect(secondsUntilNextAttempt(5, last, new Date("2026-01-01T10:00:01Z"))).toBe(3);
    expect(secondsUntilNextAttempt(5, last, new Date("2026-01-01T10:00:04Z"))).toBe(0);
    expect(secondsUntilNextAttempt(2, last, last)).toBe(0);
    expect(secondsUntilNextAttempt(5, null, last)).toBe(0);
  });
});
