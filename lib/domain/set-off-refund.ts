// Set-off of a refund (compensation / verrekening; docs/domain.md §1.6: an overpayment is refunded only to an
// affiliate in order of payment): before any money leaves the fund, what the affiliate owes and is already overdue
// is settled from the refund, in the fund's allocation order (allocate-payment.ts); only the rest is paid out.
import { allocatePayment, type AllocationLine, type OpenItem } from "./allocate-payment";
import { compareDates, isIsoDate, type IsoDate } from "./dates";
import { DomainError } from "./errors";
import { assertInteger } from "./money";

export interface RefundToSetOff {
  /** Identifies the refund in the allocation lines (e.g. the ledger key of the refund). */
  id: string;
  refundCents: number;
  /** The day of the set-off: an item is overdue when its due date is before this day. */
  on: IsoDate;
}

export interface SetOffResult {
  /** The lines settled from the refund (overdue items only), in allocation order. */
  allocations: AllocationLine[];
  /** Part of the refund used to settle overdue items. */
  setOffCents: number;
  /** Part of the refund left to pay out to the affiliate. */
  payoutCents: number;
}

/** Whether an open item is overdue on a day: something is still owed on it and its due date has passed. */
export function isOverdue(item: OpenItem, on: IsoDate): boolean {
  return item.openCents > 0 && compareDates(item.dueOn, on) < 0;
}

/**
 * THE SET-OFF RULE: a refund first settles every overdue item of the affiliate (due date before `on`), principal
 * first then fees then surcharges, oldest first (the allocation rule); items not yet due are left alone (they are
 * not owed yet); what the refund does not use is paid out.
 */
export function setOffRefund(refund: RefundToSetOff, items: readonly OpenItem[]): SetOffResult {
  assertInteger(refund.refundCents, "refundCents");
  if (refund.refundCents <= 0) throw new DomainError("setOff.invalidAmount", { refundCents: refund.refundCents });
  if (!isIsoDate(refund.on)) throw new DomainError("setOff.invalidDate", { on: refund.on });
  const overdue = items.filter((item) => isOverdue(item, refund.on));
  if (overdue.length === 0) return { allocations: [], setOffCents: 0, payoutCents: refund.refundCents };
  const result = allocatePayment({ id: refund.id, amountCents: refund.refundCents, paidOn: refund.on }, overdue);
  return { allocations: result.allocations, setOffCents: refund.refundCents - result.unallocatedCents, payoutCents: result.unallocatedCents };
}
