import { describe, it, expect } from "vitest";
import { planFollowUp, PLAN_BREAK_AFTER_REMINDER_DAYS, PLAN_REMINDER_GRACE_DAYS } from "../../../lib/domain";

const i = (id: string, dueOn: string, paidCents: number, remindedOn: string | null = null) => ({ id, dueOn, amountCents: 10_000, paidCents, remindedOn });

describe("planFollowUp: the fund's policy for missed instalments", () => {
  it("uses a 10-day grace before a reminder and 15 days after it before breaking the plan", () => {
    expect([PLAN_REMINDER_GRACE_DAYS, PLAN_BREAK_AFTER_REMINDER_DAYS]).toEqual([10, 15]);
  });
  it("does nothing while instalments are paid or within the grace period", () => {
    expect(planFollowUp([i("a", "2026-11-01", 10_000), i("b", "2026-12-01", 0)], "2026-12-11")).toEqual({ action: "none" });
  });
  it("reminds each instalment unpaid after the grace period, once", () => {
    expect(planFollowUp([i("a", "2026-11-01", 4_000), i("b", "2026-12-01", 0)], "2026-12-12")).toEqual({ action: "remind", instalmentIds: ["a", "b"] });
    expect(planFollowUp([i("a", "2026-11-01", 4_000, "2026-11-12"), i("b", "2026-12-01", 0)], "2026-11-26")).toEqual({ action: "none" });
  });
  it("breaks the plan 15 days after a reminder left unpaid", () => {
    expect(planFollowUp([i("a", "2026-11-01", 4_000, "2026-11-12")], "2026-11-27")).toEqual({ action: "broken", instalmentId: "a", remindedOn: "2026-11-12" });
  });
  it("completes a plan whose instalments are all paid", () => {
    expect(planFollowUp([i("a", "2026-11-01", 10_000), i("b", "2026-12-01", 12_000)], "2026-12-30")).toEqual({ action: "completed" });
  });
});
