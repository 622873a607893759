import "server-only";
import { dbDate, isoDate } from "@/lib/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import { amendedProvisionalCall, quarterEnd, quarterStart, type QuarterNumber } from "@/lib/domain";
import { toDomainCategory } from "@/lib/db/enums";
import { loadFund, loadParameters } from "@/lib/dal/internal/reference-data";

type Tx = Prisma.TransactionClient;

export type ChangedCall = { callId: string; year: number; quarter: number; dueOn: string; previousCents: number; newCents: number };

/**
 * An accepted reduction or increase takes effect at once (issue #13): every provisional call of its year already
 * issued is recomputed on the chosen income — the call's amounts and explanation are re-issued (what the
 * regularisation and the surcharges read), and the ledger gets one ADJUSTMENT entry per part (contribution, fee)
 * for the difference, a credit allocated to what is still open of that part. The calls not issued yet are computed
 * on the chosen income by the quarterly run. Unique keys per request, call and part: never twice; the calls are
 * locked so that a payment, a run or a second decision waits.
 */
export async function applyContributionChange(
  tx: Tx,
  r: { id: string; reference: string; affiliateId: string; payload: unknown },
  actorId: string | null,
  today: string,
): Promise<ChangedCall[]> {
  const p = r.payload as { year?: number; estimatedIncomeCents?: number };
  if (typeof p.year !== "number" || typeof p.estimatedIncomeCents !== "number") return [];
  const year = p.year;
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "ContributionCall" WHERE "affiliateId" = ${r.affiliateId} AND kind = 'PROVISIONAL' AND year = ${year} ORDER BY quarter FOR UPDATE`;
  if (locked.length === 0) return [];
  const [calls, params, fund, periods] = await Promise.all([
    tx.contributionCall.findMany({
      where: { id: { in: locked.map((c) => c.id) } },
      orderBy: { quarter: "asc" },
      select: { id: true, quarter: true, category: true, contributionCents: true, managementFeeCents: true, totalCents: true, dueOn: true },
    }),
    loadParameters(tx, year),
    loadFund(tx),
    tx.categoryPeriod.findMany({ where: { affiliation: { affiliateId: r.affiliateId }, primoStarterUntil: { not: null } }, select: { fromOn: true, primoStarterUntil: true } }),
  ]);
  const primo = (quarter: number) => {
    const q = { year, quarter: quarter as QuarterNumber };
    return periods.some((cp) => isoDate(cp.fromOn) <= quarterEnd(q) && isoDate(cp.primoStarterUntil!) >= quarterStart(q));
  };
  const changed: ChangedCall[] = [];
  for (const c of calls) {
    if (c.category === null) continue;
    const a = amendedProvisionalCall({
      params,
      category: toDomainCategory(c.category),
      primoStarter: primo(c.quarter),
      chosenIncomeCents: p.estimatedIncomeCents,
      managementFeeBp: fund.managementFeeBp,
      current: c,
    });
    if (a.contributionDeltaCents === 0 && a.feeDeltaCents === 0) continue;
    await tx.contributionCall.update({
      where: { id: c.id },
      data: {
        contributionCents: a.next.contributionCents,
        managementFeeCents: a.next.managementFeeCents,
        totalCents: a.next.totalCents,
        incomeBaseCents: BigInt(a.incomeCents),
        incomeYear: year,
        breakdown: a.next.breakdown as unknown as Prisma.InputJsonValue,
      },
    });
    const base = { reference: r.reference, year, quarter: c.quarter };
    await adjustCall(tx, { affiliateId: r.affiliateId, callId: c.id, kind: "CALL", deltaCents: a.contributionDeltaCents, reasonCode: "change.contribution", params: base, key: `change:${r.id}:${c.id}:principal`, actorId, today });
    await adjustCall(tx, { affiliateId: r.affiliateId, callId: c.id, kind: "FEE", deltaCents: a.feeDeltaCents, reasonCode: "change.managementFee", params: base, key: `change:${r.id}:${c.id}:fee`, actorId, today });
    changed.push({ callId: c.id, year, quarter: c.quarter, dueOn: isoDate(c.dueOn), previousCents: c.totalCents, newCents: a.next.totalCents });
  }
  return changed;
}

/** One ADJUSTMENT entry on a call for one part; a credit is allocated to what is still open of that part's debits. */
export async function adjustCall(
  tx: Tx,
  e: { affiliateId: string; callId: string; kind: "CALL" | "FEE"; deltaCents: number; reasonCode: string; params: Record<string, string | number>; key: string; actorId: string | null; today: string },
) {
  if (e.deltaCents === 0) return;
  if (await tx.ledgerEntry.findUnique({ where: { uniqueKey: e.key }, select: { id: true } })) return;
  const entry = await tx.ledgerEntry.create({
    data: {
      affiliateId: e.affiliateId,
      kind: "ADJUSTMENT",
      amountCents: e.deltaCents,
      bookedOn: dbDate(e.today),
      valueOn: dbDate(e.today),
      callId: e.callId,
      reasonCode: e.reasonCode,
      reasonParams: e.params,
      uniqueKey: e.key,
      createdById: e.actorId,
    },
    select: { id: true },
  });
  if (e.deltaCents > 0) return;
  const debits = await tx.ledgerEntry.findMany({
    where: { affiliateId: e.affiliateId, callId: e.callId, kind: e.kind, amountCents: { gt: 0 } },
    orderBy: { id: "asc" },
    select: { id: true, amountCents: true, allocationsTo: { select: { amountCents: true } } },
  });
  let left = -e.deltaCents;
  const allocations = [];
  for (const d of debits) {
    const open = d.amountCents - d.allocationsTo.reduce((s, x) => s + x.amountCents, 0);
    const amountCents = Math.min(left, open);
    if (amountCents <= 0) continue;
    allocations.push({ paymentEntryId: entry.id, targetEntryId: d.id, amountCents });
    left -= amountCents;
  }
  if (allocations.length > 0) await tx.paymentAllocation.createMany({ data: allocations });
}
