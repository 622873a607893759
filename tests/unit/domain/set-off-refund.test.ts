import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isOverdue, setOffRefund } from "../../../lib/domain/set-off-refund";
import { DomainError } from "../../../lib/domain/errors";
import type { OpenItem } from "../../../lib/domain/allocate-payment";

const items: OpenItem[] = [
  { id: "q3-surcharge", kind: "surcharge", dueOn: "2026-09-30", openCents: 7_225 },
  { id: "q3-fee", kind: "management-fee", dueOn: "2026-09-30", openCents: 7_346 },
  { id: "q3", kind: "contribution", dueOn: "2026-09-30", openCents: 240_845 },
  { id: "q2-surcharge", kind: "surcharge", dueOn: "2026-06-30", openCents: 7_225 },
  { id: "q4", kind: "contribution", dueOn: "2026-12-31", openCents: 240_845 },
  { id: "q4-fee", kind: "management-fee", dueOn: "2026-12-31", openCents: 7_346 },
  { id: "paid", kind: "contribution", dueOn: "2026-03-31", openCents: 0 },
];

describe("set-off of a refund against what is overdue", () => {
  it("settles the overdue principal, then fees, then surcharges, and pays out nothing when the refund is used up", () => {
    const r = setOffRefund({ id: "reg-2024", refundCents: 172_848, on: "2026-10-15" }, items);
    expect(r.allocations.map((a) => [a.itemId, a.amountCents])).toEqual([["q3", 172_848]]);
    expect(r).toMatchObject({ setOffCents: 172_848, payoutCents: 0 });
    expect(r.allocations[0]).toMatchObject({ paymentId: "reg-2024", kind: "contribution" });
  });

  it("pays out what is left once everything overdue is settled; a call not yet due is left alone", () => {
    const r = setOffRefund({ id: "reg", refundCents: 300_000, on: "2026-10-15" }, items);
    expect(r.allocations.map((a) => [a.itemId, a.amountCents])).toEqual([
      ["q3", 240_845],
      ["q3-fee", 7_346],
      ["q2-surcharge", 7_225],
      ["q3-surcharge", 7_225],
    ]);
    expect(r.setOffCents).toBe(262_641);
    expect(r.payoutCents).toBe(300_000 - 262_641);
    expect(r.allocations.some((a) => a.itemId.startsWith("q4"))).toBe(false);
  });

  it("pays the whole refund out when nothing is overdue (due today is not overdue yet)", () => {
    expect(setOffRefund({ id: "reg", refundCents: 5_000, on: "2026-09-30" }, items.filter((i) => i.id.startsWith("q3") || i.id.startsWith("q4")))).toEqual({
      allocations: [],
      setOffCents: 0,
      payoutCents: 5_000,
    });
    expect(setOffRefund({ id: "reg", refundCents: 5_000, on: "2026-10-15" }, [])).toMatchObject({ setOffCents: 0, payoutCents: 5_000 });
  });

  it("knows what is overdue: something still owed, due before the day", () => {
    expect(isOverdue(items[2], "2026-10-01")).toBe(true);
    expect(isOverdue(items[2], "2026-09-30")).toBe(false);
    expect(isOverdue(items[6], "2027-01-01")).toBe(false);
  });

  it("refuses a refund that is not a positive whole number of cents, or a day that is not a date", () => {
    expect(() => setOffRefund({ id: "r", refundCents: 0, on: "2026-10-15" }, items)).toThrow(DomainError);
    expect(() => setOffRefund({ id: "r", refundCents: -5, on: "2026-10-15" }, items)).toThrow(DomainError);
    expect(() => setOffRefund({ id: "r", refundCents: 10.5, on: "2026-10-15" }, items)).toThrow(RangeError);
    expect(() => setOffRefund({ id: "r", refundCents: 100, on: "2026-02-30" }, items)).toThrow(DomainError);
  });

  it("never sets off more than the refund nor more than what is overdue, and set-off + payout = refund", () => {
    const item = fc.record({
      id: fc.uuid(),
      kind: fc.constantFrom("contribution" as const, "management-fee" as const, "surcharge" as const, "regularisation" as const),
      dueOn: fc.constantFrom("2026-03-31", "2026-06-30", "2026-09-30", "2026-12-31"),
      openCents: fc.integer({ min: 0, max: 500_000 }),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 12 }), fc.integer({ min: 1, max: 2_000_000 }), (list, refundCents) => {
        const r = setOffRefund({ id: "r", refundCents, on: "2026-10-01" }, list);
        const overdue = list.filter((i) => i.openCents > 0 && i.dueOn < "2026-10-01").reduce((s, i) => s + i.openCents, 0);
        expect(r.setOffCents + r.payoutCents).toBe(refundCents);
        expect(r.setOffCents).toBe(Math.min(refundCents, overdue));
        expect(r.allocations.reduce((s, a) => s + a.amountCents, 0)).toBe(r.setOffCents);
        for (const a of r.allocations) expect(list.find((i) => i.id === a.itemId)!.dueOn < "2026-10-01").toBe(true);
      }),
    );
  });
});
