import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import { quarterIndex, type Quarter, type QuarterNumber } from "@/lib/domain/dates";
import { illnessAssimilation, isAssimilatedQuarter } from "@/lib/domain/illness-assimilation";
import { adjustCall, type ChangedCall } from "@/lib/dal/internal/contribution-change-effect";
import { outstandingByCall } from "@/lib/dal/internal/owed";

type Tx = Prisma.TransactionClient;

/** The affiliation in force (its start: the 90 days of self-employment), or null. */
export async function assimilationAffiliationStart(affiliateId: string): Promise<string | null> {
  const a = await prisma.affiliation.findFirst({ where: { affiliateId, status: "ACTIVE", endOn: null }, orderBy: { startOn: "desc" }, select: { startOn: true } });
  return a ? isoDate(a.startOn) : null;
}

/** The domain's decision with the payment condition read from the account: the call of the quarter before the
 *  assimilation must be paid (no call for that quarter: nothing was asked, nothing is unpaid). */
export async function checkAssimilation(affiliateId: string, today: string, input: { incapacityStartOn: string; resumptionOn: string | null }) {
  const start = await assimilationAffiliationStart(affiliateId);
  if (!start) return null;
  const draft = illnessAssimilation({ ...input, affiliationStartOn: start, today, previousQuarterPaid: null });
  if (!draft.ok) return draft;
  const call = await prisma.contributionCall.findFirst({ where: { affiliateId, kind: "PROVISIONAL", year: draft.quarterBefore.year, quarter: draft.quarterBefore.quarter }, select: { id: true } });
  const paid = call ? ((await outstandingByCall(affiliateId)).get(call.id) ?? 0) <= 0 : true;
  return illnessAssimilation({ ...input, affiliationStartOn: start, today, previousQuarterPaid: paid });
}

/** The payload's period as quarters (indexes stored for the quarterly run's SQL). */
export function assimilationPayload(first: Quarter, last: Quarter | null) {
  return { firstQuarter: first, lastQuarter: last, firstQuarterIndex: quarterIndex(first), lastQuarterIndex: last ? quarterIndex(last) : null };
}

/**
 * An accepted assimilation, in the decision's transaction: every provisional call already issued for an assimilated
 * quarter is cancelled by ADJUSTMENT credits (contribution and fee; unique keys per request, call and part), the
 * calls locked; the quarterly run issues no call for the quarters it covers (it reads the accepted request).
 */
export async function applyIllnessAssimilation(tx: Tx, r: { id: string; reference: string; affiliateId: string; payload: unknown }, actorId: string | null, today: string): Promise<ChangedCall[]> {
  const p = r.payload as { firstQuarter?: Quarter; lastQuarter?: Quarter | null };
  if (!p.firstQuarter) return [];
  const period = { firstQuarter: p.firstQuarter, lastQuarter: p.lastQuarter ?? null };
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "ContributionCall" WHERE "affiliateId" = ${r.affiliateId} AND kind = 'PROVISIONAL' ORDER BY year, quarter FOR UPDATE`;
  const calls = await tx.contributionCall.findMany({
    where: { id: { in: locked.map((c) => c.id) } },
    orderBy: [{ year: "asc" }, { quarter: "asc" }],
    select: { id: true, year: true, quarter: true, contributionCents: true, managementFeeCents: true, totalCents: true, dueOn: true },
  });
  const cancelled: ChangedCall[] = [];
  for (const c of calls) {
    if (!isAssimilatedQuarter({ year: c.year, quarter: c.quarter as QuarterNumber }, period)) continue;
    const params = { reference: r.reference, year: c.year, quarter: c.quarter };
    await adjustCall(tx, { affiliateId: r.affiliateId, callId: c.id, kind: "CALL", deltaCents: -c.contributionCents, reasonCode: "assimilation.contribution", params, key: `assim:${r.id}:${c.id}:principal`, actorId, today });
    await adjustCall(tx, { affiliateId: r.affiliateId, callId: c.id, kind: "FEE", deltaCents: -c.managementFeeCents, reasonCode: "assimilation.managementFee", params, key: `assim:${r.id}:${c.id}:fee`, actorId, today });
    cancelled.push({ callId: c.id, year: c.year, quarter: c.quarter, dueOn: isoDate(c.dueOn), previousCents: c.totalCents, newCents: 0 });
  }
  return cancelled;
}
