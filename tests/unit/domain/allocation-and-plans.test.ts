import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  allocatePayment,
  buildInstalmentSchedule,
  checkPaymentPlanEligibility,
  decidePaymentPlan,
  DEFAULT_PAYMENT_PLAN_POLICY,
  requiredAdvanceCents,
  type OpenItem,
  type PaymentPlanContext,
} from "../../../lib/domain";

const items: OpenItem[] = [
  { id: "s1", kind: "surcharge", dueOn: "2025-03-31", openCents: 3000 },
  { id: "f2", kind: "management-fee", dueOn: "2025-06-30", openCents: 2659 },
  { id: "c2", kind: "contribution", dueOn: "2025-06-30", openCents: 87171 },
  { id: "c1", kind: "contribution", dueOn: "2025-03-31", openCents: 87171 },
  { id: "k1", kind: "costs", dueOn: "2025-01-31", openCents: 5000 },
  { id: "c0", kind: "contribution", dueOn: "2024-12-31", openCents: 0 },
];

describe("payment allocation — oldest principal first, then fees, costs, surcharges last", () => {
  it("follows the written rule and records the lines", () => {
    const r = allocatePayment({ id: "p1", amountCents: 180_000, paidOn: "2025-07-10" }, items);
    expect(r.allocations.map((a) => [a.itemId, a.amountCents])).toEqual([
      ["c1", 87171],
      ["c2", 87171],
      ["f2", 2659],
      ["k1", 2999],
    ]);
    expect(r.unallocatedCents).toBe(0);
    expect(r.remainingItems.find((i) => i.id === "k1")?.openCents).toBe(2001);
    expect(r.remainingItems.find((i) => i.id === "s1")?.openCents).toBe(3000);
  });
  it("serves items named by the structured communication first; overpayment stays unallocated", () => {
    const r = allocatePayment({ id: "p2", amountCents: 200_000, paidOn: "2025-07-10", preferredItemIds: ["c2"] }, items);
    expect(r.allocations[0].itemId).toBe("c2");
    expect(r.unallocatedCents).toBe(200_000 - (87171 * 2 + 2659 + 5000 + 3000));
    expect(r.breakdown.at(-1)).toMatchObject({ code: "allocation.unallocated" });
  });
  it("same rank and date: by id", () => {
    const r = allocatePayment({ id: "p", amountCents: 10, paidOn: "2025-01-01" }, [
      { id: "b", kind: "contribution", dueOn: "2025-03-31", openCents: 5 },
      { id: "a", kind: "regularisation", dueOn: "2025-03-31", openCents: 5 },
    ]);
    expect(r.allocations.map((a) => a.itemId)).toEqual(["a", "b"]);
  });
  it("refuses non-positive or fractional payments", () => {
    expect(() => allocatePayment({ id: "p", amountCents: 0, paidOn: "2025-01-01" }, items)).toThrow(
      expect.objectContaining({ code: "allocation.invalidAmount" }),
    );
    expect(() => allocatePayment({ id: "p", amountCents: 1.5, paidOn: "2025-01-01" }, items)).toThrow(RangeError);
  });
  it("property: allocated + unallocated = payment, never more than open per item", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500_000 }), (amount) => {
        const r = allocatePayment({ id: "p", amountCents: amount, paidOn: "2025-07-01" }, items);
        expect(r.allocations.reduce((s, a) => s + a.amountCents, 0) + r.unallocatedCents).toBe(amount);
        for (const it of r.remainingItems) expect(it.openCents).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

const ctx: PaymentPlanContext = { today: "2026-03-01", judicialRecoveryPending: false, activePlan: false, brokenPlansOn: [], advancePaidCents: 10_000 };

describe("payment plans (fund policy; docs/domain.md §7.2)", () => {
  it("builds a schedule whose instalments + advance sum exactly to the debt", () => {
    const r = buildInstalmentSchedule({ debtCents: 100_000, advanceCents: 10_000, months: 7, firstInstalmentOn: "2026-01-31" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.instalments.map((i) => i.amountCents)).toEqual([12858, 12857, 12857, 12857, 12857, 12857, 12857]);
    expect(r.instalments.map((i) => i.dueOn).slice(0, 3)).toEqual(["2026-01-31", "2026-02-28", "2026-03-31"]);
    expect(r.advanceCents + r.instalments.reduce((s, i) => s + i.amountCents, 0)).toBe(100_000);
    expect(r.breakdown.map((l) => l.code)).toEqual(["plan.debt", "plan.advance", "plan.instalments"]);
  });
  it("refuses outside the policy", () => {
    const req = { debtCents: 100_000, advanceCents: 10_000, firstInstalmentOn: "2026-04-01" };
    expect(buildInstalmentSchedule({ ...req, months: 13 })).toEqual({ ok: false, refusals: ["too-many-months"] });
    expect(buildInstalmentSchedule({ ...req, months: 0 })).toEqual({ ok: false, refusals: ["invalid-months"] });
    expect(buildInstalmentSchedule({ ...req, months: 2.5 })).toEqual({ ok: false, refusals: ["invalid-months"] });
    expect(buildInstalmentSchedule({ ...req, debtCents: 0, months: 2 })).toEqual({ ok: false, refusals: ["no-debt"] });
    expect(buildInstalmentSchedule({ ...req, advanceCents: 200_000, months: 2 })).toEqual({ ok: false, refusals: ["advance-exceeds-debt"] });
    expect(buildInstalmentSchedule({ ...req, debtCents: 60_000, advanceCents: 6_000, months: 12 })).toEqual({ ok: false, refusals: ["instalment-too-small"] });
    expect(buildInstalmentSchedule({ ...req, months: 12 }).ok).toBe(true);
    expect(buildInstalmentSchedule({ ...req, debtCents: 3_000, advanceCents: 0, months: 1 }).ok).toBe(true);
  });
  it("refusal reasons from the debtor's situation", () => {
    const req = { debtCents: 100_000, months: 6, firstInstalmentOn: "2026-04-01" };
    expect(checkPaymentPlanEligibility(req, ctx)).toEqual({ eligible: true, refusals: [], requiredAdvanceCents: 10_000 });
    const r = checkPaymentPlanEligibility(req, {
      ...ctx,
      judicialRecoveryPending: true,
      activePlan: true,
      brokenPlansOn: ["2023-03-02", "2025-01-10", "2026-03-02", "2022-01-01"],
      advancePaidCents: 5_000,
    });
    expect(r.refusals).toEqual(["judicial-recovery-pending", "plan-already-active", "two-broken-plans-in-three-years", "advance-not-paid"]);
    // broken exactly three years ago no longer counts
    expect(checkPaymentPlanEligibility(req, { ...ctx, brokenPlansOn: ["2023-03-01", "2025-01-10"] }).eligible).toBe(true);
  });
  it("decides: schedule when eligible, reasons otherwise", () => {
    const req = { debtCents: 100_000, months: 6, firstInstalmentOn: "2026-04-01" };
    const ok = decidePaymentPlan(req, ctx);
    expect(ok.ok && ok.instalments.length).toBe(6);
    expect(decidePaymentPlan(req, { ...ctx, activePlan: true })).toEqual({ ok: false, refusals: ["plan-already-active"] });
    expect(decidePaymentPlan({ ...req, months: 24 }, ctx, { ...DEFAULT_PAYMENT_PLAN_POLICY, maxMonths: 12 })).toEqual({
      ok: false,
      refusals: ["too-many-months", "instalment-too-small"],
    });
    expect(requiredAdvanceCents(12_345)).toBe(1235);
  });
  it("property: instalments sum to the debt and differ by at most one cent", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 12 }),
        (debt, advancePct, months) => {
          const advance = Math.floor((debt * advancePct) / 100);
          const r = buildInstalmentSchedule(
            { debtCents: debt, advanceCents: advance, months, firstInstalmentOn: "2026-01-31" },
            { advanceBp: 0, maxMonths: 12, minInstalmentCents: 0 },
          );
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const amounts = r.instalments.map((i) => i.amountCents);
          expect(advance + amounts.reduce((s, a) => s + a, 0)).toBe(debt);
          expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
