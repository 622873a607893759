// Allocation rule of the fund (docs/design.md §4 "Ledger"; no statutory order found, docs/domain.md §6.1 makes principal-first the debtor-friendly order: surcharges accrue on principal only).
import { line, type BreakdownLine } from "./breakdown";
import { compareDates, type IsoDate } from "./dates";
import { DomainError } from "./errors";
import { assertInteger } from "./money";

export type OpenItemKind =
  | "contribution"
  | "regularisation"
  | "company-contribution"
  | "management-fee"
  | "costs"
  | "surcharge"
  | "late-interest";

export interface OpenItem {
  id: string;
  kind: OpenItemKind;
  dueOn: IsoDate;
  openCents: number;
}

export interface PaymentToAllocate {
  id: string;
  amountCents: number;
  paidOn: IsoDate;
  /** Items named by the payment's structured communication: served first (still in rule order). */
  preferredItemIds?: string[];
}

export interface AllocationLine {
  paymentId: string;
  itemId: string;
  kind: OpenItemKind;
  amountCents: number;
}

export interface AllocationResult {
  allocations: AllocationLine[];
  /** Credit left after every open item is settled (overpayment). */
  unallocatedCents: number;
  /** The open items after allocation (same order as given). */
  remainingItems: OpenItem[];
  breakdown: BreakdownLine[];
}

/** Rank of a kind in the written rule: principal, then management fees, then costs, then surcharges/interest. */
export const ALLOCATION_RANK: Readonly<Record<OpenItemKind, number>> = {
  contribution: 0,
  regularisation: 0,
  "company-contribution": 0,
  "management-fee": 1,
  costs: 2,
  surcharge: 3,
  "late-interest": 3,
};

/**
 * THE ALLOCATION RULE:
 * 1. items named by the payment (preferredItemIds) first;
 * 2. then principal (contributions, regularisations, company contributions), then management fees, then costs,
 *    surcharges and late interest last;
 * 3. within the same rank, oldest due date first, then item id;
 * 4. each item is settled as far as the payment goes; what is left is an unallocated credit.
 */
export function allocatePayment(payment: PaymentToAllocate, items: readonly OpenItem[]): AllocationResult {
  assertInteger(payment.amountCents, "amountCents");
  if (payment.amountCents <= 0) throw new DomainError("allocation.invalidAmount", { amountCents: payment.amountCents });
  const preferred = new Set(payment.preferredItemIds ?? []);
  const order = items
    .filter((item) => item.openCents > 0)
    .sort(
      (a, b) =>
        Number(preferred.has(b.id)) - Number(preferred.has(a.id)) ||
        ALLOCATION_RANK[a.kind] - ALLOCATION_RANK[b.kind] ||
        compareDates(a.dueOn, b.dueOn) ||
        a.id.localeCompare(b.id),
    );
  let left = payment.amountCents;
  const allocated = new Map<string, number>();
  const allocations: AllocationLine[] = [];
  const breakdown: BreakdownLine[] = [line("allocation.payment", { paymentId: payment.id, paidOn: payment.paidOn }, payment.amountCents)];
  for (const item of order) {
    if (left === 0) break;
    const amountCents = Math.min(left, item.openCents);
    left -= amountCents;
    allocated.set(item.id, amountCents);
    allocations.push({ paymentId: payment.id, itemId: item.id, kind: item.kind, amountCents });
    breakdown.push(line(`allocation.${item.kind}`, { itemId: item.id, dueOn: item.dueOn }, amountCents));
  }
  if (left > 0) breakdown.push(line("allocation.unallocated", {}, left));
  const remainingItems = items.map((item) => ({ ...item, openCents: item.openCents - (allocated.get(item.id) ?? 0) }));
  return { allocations, unallocatedCents: left, remainingItems, breakdown };
}
