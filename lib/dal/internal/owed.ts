import "server-only";
import { prisma } from "@/lib/db/client";

/** What is still owed per call of one dossier: the "LedgerOwed" view (the one definition, see its migration). */
export async function outstandingByCall(affiliateId: string): Promise<Map<string, number>> {
  const rows = await prisma.$queryRaw<{ callId: string; owed: bigint }[]>`
    SELECT "callId", sum("owedCents")::bigint AS owed FROM "LedgerOwed"
    WHERE "affiliateId" = ${affiliateId} AND "callId" IS NOT NULL
    GROUP BY "callId"`;
  return new Map(rows.map((r) => [r.callId, Number(r.owed)]));
}

/**
 * The account of one dossier on `today`, every figure from the one definition of what is owed ("LedgerOwed"):
 * - owedCents: still owed on every debit (calls, fees, surcharges, returned payments);
 * - overdueCents: the part of it whose due date (the call's, or the day it was booked) is before today — the same
 *   rule the set-off of a refund applies (lib/domain/set-off-refund.ts);
 * - creditCents: money in the affiliate's favour not used yet (a payment or a refund not allocated, not paid out);
 * - balanceCents = owedCents − creditCents: the sum of the ledger, so the figures always add up.
 */
export async function accountPosition(affiliateId: string, today: string): Promise<{ owedCents: number; overdueCents: number; creditCents: number; balanceCents: number }> {
  const [row] = await prisma.$queryRaw<{ owed: bigint; overdue: bigint; balance: bigint }[]>`
    SELECT
      (SELECT coalesce(sum(o."owedCents"), 0) FROM "LedgerOwed" o WHERE o."affiliateId" = ${affiliateId})::bigint AS owed,
      (SELECT coalesce(sum(o."owedCents"), 0) FROM "LedgerOwed" o LEFT JOIN "ContributionCall" c ON c.id = o."callId"
        WHERE o."affiliateId" = ${affiliateId} AND coalesce(c."dueOn", o."bookedOn") < ${today}::date)::bigint AS overdue,
      (SELECT coalesce(sum(e."amountCents"), 0) FROM "LedgerEntry" e WHERE e."affiliateId" = ${affiliateId})::bigint AS balance`;
  const owedCents = Number(row.owed);
  const balanceCents = Number(row.balance);
  return { owedCents, overdueCents: Number(row.overdue), creditCents: owedCents - balanceCents, balanceCents };
}
