import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate, isoDate } from "@/lib/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import { type Quarter, type QuarterNumber } from "@/lib/domain/dates";
import { isAfterEndOfActivity } from "@/lib/domain/end-of-activity";
import { adjustCall, type ChangedCall } from "@/lib/dal/internal/contribution-change-effect";

type Tx = Prisma.TransactionClient;
type Db = Pick<typeof prisma, "affiliation" | "contributionCall">;

/** What the end-of-activity page and filing need: the affiliation in force and the quarters already called. */
export async function endOfActivityContext(affiliateId: string, db: Db = prisma): Promise<{ affiliationId: string; startOn: string; issuedQuarters: Quarter[] } | null> {
  const affiliation = await db.affiliation.findFirst({ where: { affiliateId, status: "ACTIVE", endOn: null }, orderBy: { startOn: "desc" }, select: { id: true, startOn: true } });
  if (!affiliation) return null;
  const calls = await db.contributionCall.findMany({ where: { affiliateId, kind: "PROVISIONAL" }, select: { year: true, quarter: true }, orderBy: [{ year: "asc" }, { quarter: "asc" }] });
  return { affiliationId: affiliation.id, startOn: isoDate(affiliation.startOn), issuedQuarters: calls.map((c) => ({ year: c.year, quarter: c.quarter as QuarterNumber })) };
}

/**
 * An accepted end of activity, in the decision's transaction: the affiliation ends on the last day (ENDED), its open
 * category periods close on it, and every provisional call already issued for a quarter entirely after it is
 * cancelled by ADJUSTMENT credits (contribution and fee; unique keys per request, call and part: never twice), the
 * calls locked so that a payment or a run waits. The quarterly run bills no quarter after the affiliation's end.
 * Returns the cancelled calls (previous amount → 0) for the decision letter.
 */
export async function applyEndOfActivity(tx: Tx, r: { id: string; reference: string; affiliateId: string; payload: unknown }, actorId: string | null, today: string): Promise<ChangedCall[]> {
  const p = r.payload as { lastDayOn?: unknown; affiliationId?: unknown };
  if (typeof p.lastDayOn !== "string" || typeof p.affiliationId !== "string") return [];
  const lastDayOn = p.lastDayOn;
  const end = dbDate(lastDayOn);
  await tx.affiliation.updateMany({ where: { id: p.affiliationId, affiliateId: r.affiliateId }, data: { endOn: end, status: "ENDED" } });
  await tx.categoryPeriod.updateMany({ where: { affiliationId: p.affiliationId, fromOn: { lte: end }, OR: [{ toOn: null }, { toOn: { gt: end } }] }, data: { toOn: end } });
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "ContributionCall" WHERE "affiliateId" = ${r.affiliateId} AND kind = 'PROVISIONAL' ORDER BY year, quarter FOR UPDATE`;
  if (locked.length === 0) return [];
  const calls = await tx.contributionCall.findMany({
    where: { id: { in: locked.map((c) => c.id) } },
    orderBy: [{ year: "asc" }, { quarter: "asc" }],
    select: { id: true, year: true, quarter: true, contributionCents: true, managementFeeCents: true, totalCents: true, dueOn: true },
  });
  const cancelled: ChangedCall[] = [];
  for (const c of calls) {
    if (!isAfterEndOfActivity({ year: c.year, quarter: c.quarter as QuarterNumber }, lastDayOn)) continue;
    const params = { reference: r.reference, year: c.year, quarter: c.quarter, lastDayOn };
    await adjustCall(tx, { affiliateId: r.affiliateId, callId: c.id, kind: "CALL", deltaCents: -c.contributionCents, reasonCode: "endOfActivity.contribution", params, key: `end:${r.id}:${c.id}:principal`, actorId, today });
    await adjustCall(tx, { affiliateId: r.affiliateId, callId: c.id, kind: "FEE", deltaCents: -c.managementFeeCents, reasonCode: "endOfActivity.managementFee", params, key: `end:${r.id}:${c.id}:fee`, actorId, today });
    cancelled.push({ callId: c.id, year: c.year, quarter: c.quarter, dueOn: isoDate(c.dueOn), previousCents: c.totalCents, newCents: 0 });
  }
  return cancelled;
}
