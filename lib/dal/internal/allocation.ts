// Books matched payments: a PAYMENT ledger credit, then the domain's allocatePayment over the affiliate's open
// debit entries (preferring the named call's entries), recorded as PaymentAllocation rows.
// openItemsOf loads the open items of MANY affiliates in one query; allocateInMemory applies the domain rule to
// a sequence of payments, each seeing what the previous ones settled (as if booked one after the other).

import { allocatePayment, type OpenItem, type OpenItemKind } from "@/lib/domain";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export type LedgerOpenItem = OpenItem & { entryId: bigint; callId: string | null };

type OpenRow = { affiliateId: string; id: bigint; kind: string; callKind: string | null; callId: string | null; dueOn: Date; open: number };

const kindOf = (r: OpenRow): OpenItemKind =>
  r.kind === "FEE" ? "management-fee" : r.kind === "SURCHARGE" ? (r.callKind === "COMPANY" ? "late-interest" : "surcharge") : r.callKind === "REGULARISATION" ? "regularisation" : r.callKind === "COMPANY" ? "company-contribution" : "contribution";

/** What is still owed on each debit entry ("LedgerOwed": calls, fees, surcharges, returned payments) of every
 *  given affiliate, in ONE query. */
export async function openItemsOf(tx: Tx, affiliateIds: readonly string[]): Promise<Map<string, LedgerOpenItem[]>> {
  const byAffiliate = new Map<string, LedgerOpenItem[]>();
  if (affiliateIds.length === 0) return byAffiliate;
  // lock first, read after: a concurrent allocation to these dossiers (a match by hand, a CODA import, a write-off)
  // finishes before this transaction reads what is owed, and the next statement sees what it allocated. In id
  // order, so that two writers never deadlock. The database refuses an over-allocation anyway (migration
  // money_under_concurrency); the lock makes the second writer read the truth instead of failing. Through
  // caisse_lock_debits: the application role may not UPDATE the ledger, which FOR UPDATE asks (docs/decisions/0028).
  await tx.$executeRawUnsafe(`SELECT caisse_lock_debits($1::text[])`, [...new Set(affiliateIds)]);
  const rows = await tx.$queryRawUnsafe<OpenRow[]>(
    `SELECT o."affiliateId", o."entryId" AS id, o.kind::text, c.kind::text AS "callKind", o."callId", coalesce(c."dueOn", o."bookedOn") AS "dueOn",
       o."owedCents" AS open
     FROM "LedgerOwed" o
     LEFT JOIN "ContributionCall" c ON c.id = o."callId"
     WHERE o."affiliateId" = ANY($1::text[]) AND o."owedCents" > 0`,
    [...new Set(affiliateIds)],
  );
  for (const r of rows) {
    if (r.open <= 0) continue;
    const list = byAffiliate.get(r.affiliateId) ?? [];
    list.push({ id: String(r.id), entryId: r.id, callId: r.callId, kind: kindOf(r), dueOn: r.dueOn.toISOString().slice(0, 10), openCents: r.open });
    byAffiliate.set(r.affiliateId, list);
  }
  return byAffiliate;
}

export async function openItems(tx: Tx, affiliateId: string): Promise<LedgerOpenItem[]> {
  return (await openItemsOf(tx, [affiliateId])).get(affiliateId) ?? [];
}

export interface PaymentToBook {
  key: string;
  affiliateId: string;
  amountCents: number;
  valueOn: string;
  callId: string | null;
}

export interface AllocationRow {
  key: string;
  targetEntryId: bigint;
  amountCents: number;
}

/** Applies the domain's allocatePayment to each payment in order over the preloaded open items (updated in
 *  place, so a second payment of the same affiliate sees what the first settled). */
export function allocateInMemory(
  items: Map<string, LedgerOpenItem[]>,
  payments: readonly PaymentToBook[],
): { allocations: AllocationRow[]; byPayment: Map<string, { allocatedCents: number; unallocatedCents: number }> } {
  const allocations: AllocationRow[] = [];
  const byPayment = new Map<string, { allocatedCents: number; unallocatedCents: number }>();
  for (const p of payments) {
    const open = items.get(p.affiliateId) ?? [];
    const result = allocatePayment(
      { id: p.key, amountCents: p.amountCents, paidOn: p.valueOn, preferredItemIds: open.filter((i) => p.callId !== null && i.callId === p.callId).map((i) => i.id) },
      open,
    );
    const byId = new Map(open.map((i) => [i.id, i]));
    for (const a of result.allocations) {
      const item = byId.get(a.itemId)!;
      item.openCents -= a.amountCents;
      allocations.push({ key: p.key, targetEntryId: item.entryId, amountCents: a.amountCents });
    }
    items.set(p.affiliateId, open.filter((i) => i.openCents > 0));
    byPayment.set(p.key, { allocatedCents: p.amountCents - result.unallocatedCents, unallocatedCents: result.unallocatedCents });
  }
  return { allocations, byPayment };
}

export async function allocateToAffiliate(
  tx: Tx,
  input: { paymentId: string; affiliateId: string; amountCents: number; valueOn: string; callId: string | null; createdById?: string | null },
): Promise<{ allocatedCents: number; unallocatedCents: number }> {
  const entry = await tx.ledgerEntry.create({
    data: {
      affiliateId: input.affiliateId, kind: "PAYMENT", amountCents: -input.amountCents, bookedOn: new Date(`${input.valueOn}T00:00:00Z`),
      valueOn: new Date(`${input.valueOn}T00:00:00Z`), paymentId: input.paymentId, reasonCode: "payment.received", reasonParams: { valueOn: input.valueOn },
      uniqueKey: `payment:${input.paymentId}`, createdById: input.createdById ?? null,
    },
  });
  const items = await openItemsOf(tx, [input.affiliateId]);
  const { allocations, byPayment } = allocateInMemory(items, [{ key: input.paymentId, affiliateId: input.affiliateId, amountCents: input.amountCents, valueOn: input.valueOn, callId: input.callId }]);
  if (allocations.length > 0)
    await tx.paymentAllocation.createMany({ data: allocations.map((a) => ({ paymentEntryId: entry.id, targetEntryId: a.targetEntryId, amountCents: a.amountCents })) });
  return byPayment.get(input.paymentId)!;
}
