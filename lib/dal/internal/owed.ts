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
