// Books a matched payment: a PAYMENT ledger credit, then the domain's allocatePayment over the affiliate's
// open debit entries (preferring the named call's entries), recorded as PaymentAllocation rows.
import { allocatePayment, type OpenItem, type OpenItemKind } from "@/lib/domain";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export async function openItems(tx: Tx, affiliateId: string): Promise<(OpenItem & { entryId: bigint; callId: string | null })[]> {
  const rows = await tx.$queryRawUnsafe<{ id: bigint; kind: string; callKind: string | null; callId: string | null; dueOn: Date; open: number }[]>(
    `SELECT e.id, e.kind::text, c.kind::text AS "callKind", e."callId", coalesce(c."dueOn", e."bookedOn") AS "dueOn",
       (e."amountCents" - coalesce((SELECT sum(pa."amountCents") FROM "PaymentAllocation" pa WHERE pa."targetEntryId" = e.id), 0))::int AS open
     FROM "LedgerEntry" e LEFT JOIN "ContributionCall" c ON c.id = e."callId"
     WHERE e."affiliateId" = $1 AND e.kind IN ('CALL', 'FEE', 'SURCHARGE') AND e."amountCents" > 0`,
    affiliateId,
  );
  const kindOf = (r: (typeof rows)[number]): OpenItemKind =>
    r.kind === "FEE" ? "management-fee" : r.kind === "SURCHARGE" ? (r.callKind === "COMPANY" ? "late-interest" : "surcharge") : r.callKind === "REGULARISATION" ? "regularisation" : r.callKind === "COMPANY" ? "company-contribution" : "contribution";
  return rows
    .filter((r) => r.open > 0)
    .map((r) => ({ id: String(r.id), entryId: r.id, callId: r.callId, kind: kindOf(r), dueOn: r.dueOn.toISOString().slice(0, 10), openCents: r.open }));
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
  const items = await openItems(tx, input.affiliateId);
  const result = allocatePayment(
    { id: input.paymentId, amountCents: input.amountCents, paidOn: input.valueOn, preferredItemIds: items.filter((i) => input.callId !== null && i.callId === input.callId).map((i) => i.id) },
    items,
  );
  if (result.allocations.length > 0)
    await tx.paymentAllocation.createMany({ data: result.allocations.map((a) => ({ paymentEntryId: entry.id, targetEntryId: BigInt(a.itemId), amountCents: a.amountCents })) });
  return { allocatedCents: input.amountCents - result.unallocatedCents, unallocatedCents: result.unallocatedCents };
}
