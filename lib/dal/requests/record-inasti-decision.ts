import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { compareDates } from "@/lib/domain";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type InastiTrack, type InastiDecisionInput } from "@/lib/dto/requests";
import { inastiTrack, callIdsOf, loadInastiRequest, checkMove } from "@/lib/dal/internal/inasti";
import { refused } from "@/lib/errors";

// Exemptions (dispense, docs/domain.md §7.1) and surcharge waivers (renonciation aux majorations, §7.3) are decided
// by INASTI, not by the fund: the advisor reviews the request, forwards it (FORWARDED: from then on the decision
// clock is INASTI's), then records INASTI's decision. On acceptance the ledger follows: a waiver cancels the
// surcharges of the listed calls, an exemption their contribution and management fee (the quarters then do not
// count for pension) — ADJUSTMENT credits allocated to the cancelled debits, each with a unique key: never twice.

type Tx = Prisma.TransactionClient;

/** Records INASTI's decision on a forwarded request; on acceptance, cancels what INASTI granted in the ledger. */
export async function recordInastiDecision(viewer: Viewer | null, input: InastiDecisionInput, today: string): Promise<{ cancelledCents: number }> {
  assertPermission(viewer, "request:decide");
  const r = await loadInastiRequest(input.requestId);
  checkMove(r.type, r.status, input.outcome);
  const track = inastiTrack(r.payload);
  if (compareDates(input.decidedOn, today) > 0) throw refused("dateInvalid");
  if (track && compareDates(input.decidedOn, track.sentOn) < 0) throw refused("dateBeforeForwarding");
  const payload = {
    ...((r.payload ?? {}) as Record<string, unknown>),
    inasti: { sentOn: track?.sentOn ?? input.decidedOn, decidedOn: input.decidedOn, outcome: input.outcome, reference: input.inastiReference } satisfies InastiTrack,
  };
  const status = input.outcome === "accepted" ? "ACCEPTED" : "REFUSED";
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.request.updateMany({
      where: { id: r.id, status: "FORWARDED" },
      data: { status, payload, decidedAt: new Date(), decidedById: viewer.userId, decisionReasonCode: `inasti.${input.outcome}`, decisionText: [input.inastiReference, input.note].filter(Boolean).join(" — ") },
    });
    if (count !== 1) throw refused("concurrentChange");
    await tx.requestEvent.create({
      data: { requestId: r.id, actorId: viewer.userId, fromStatus: "FORWARDED", toStatus: status, reason: `inasti.${input.outcome}:${input.decidedOn}:${input.inastiReference}${input.note ? ` — ${input.note}` : ""}` },
    });
    let cancelledCents = 0;
    if (input.outcome === "accepted" && r.affiliateId) {
      const ctx = { affiliateId: r.affiliateId, requestId: r.id, reference: r.reference, inastiReference: input.inastiReference, today, actorId: viewer.userId };
      for (const callId of callIdsOf(r.payload)) {
        if (r.type === "SURCHARGE_WAIVER") cancelledCents += await cancelCallEntries(tx, { ...ctx, callId, kind: "SURCHARGE", key: `waiver:${r.id}:${callId}`, reasonCode: "inasti.surchargeWaiver" });
        else {
          cancelledCents += await cancelCallEntries(tx, { ...ctx, callId, kind: "CALL", key: `exemption:${r.id}:${callId}:principal`, reasonCode: "inasti.exemption" });
          cancelledCents += await cancelCallEntries(tx, { ...ctx, callId, kind: "FEE", key: `exemption:${r.id}:${callId}:fee`, reasonCode: "inasti.exemptionFee" });
        }
      }
      if (r.type === "EXEMPTION") {
        // the exempted quarters do not count for pension (they can be paid within 5 years to recover the rights)
        await tx.auditLog.create({ data: { actorId: viewer.userId, action: "exemption.notForPension", entity: "Request", entityId: r.id, details: { callIds: callIdsOf(r.payload), inastiReference: input.inastiReference } } });
      }
    }
    return { cancelledCents };
  });
}

/**
 * Cancels the `kind` debits of one call of the dossier (a call of another dossier is left alone): one ADJUSTMENT
 * credit of their total less what an earlier INASTI decision on the call already cancelled, allocated to what is
 * still open of each (the surcharge run then sees the principal settled; an already paid part stays as a credit in
 * the account). Returns the amount cancelled (0 if already done).
 */
async function cancelCallEntries(
  tx: Tx,
  c: { affiliateId: string; requestId: string; reference: string; inastiReference: string; callId: string; kind: "SURCHARGE" | "CALL" | "FEE"; key: string; reasonCode: string; today: string; actorId: string },
): Promise<number> {
  if (await tx.ledgerEntry.findUnique({ where: { uniqueKey: c.key }, select: { id: true } })) return 0;
  // one decision at a time per call: two acceptances recorded together cannot both see nothing cancelled yet
  await tx.$queryRaw`SELECT id FROM "ContributionCall" WHERE id = ${c.callId} AND "affiliateId" = ${c.affiliateId} FOR UPDATE`;
  const [debits, earlier] = await Promise.all([
    tx.ledgerEntry.findMany({
      where: { affiliateId: c.affiliateId, callId: c.callId, kind: c.kind, amountCents: { gt: 0 } },
      orderBy: { id: "asc" },
      select: { id: true, amountCents: true, allocationsTo: { select: { amountCents: true } } },
    }),
    // what an earlier INASTI decision (another request for the same call) already cancelled: never cancelled twice
    tx.ledgerEntry.aggregate({ where: { affiliateId: c.affiliateId, callId: c.callId, kind: "ADJUSTMENT", reasonCode: c.reasonCode }, _sum: { amountCents: true } }),
  ]);
  const total = debits.reduce((s, d) => s + d.amountCents, 0) + (earlier._sum.amountCents ?? 0);
  if (total <= 0) return 0;
  const call = await tx.contributionCall.findUniqueOrThrow({ where: { id: c.callId }, select: { year: true, quarter: true, kind: true } });
  const credit = await tx.ledgerEntry.create({
    data: {
      affiliateId: c.affiliateId,
      kind: "ADJUSTMENT",
      amountCents: -total,
      bookedOn: dbDate(c.today),
      valueOn: dbDate(c.today),
      callId: c.callId,
      reasonCode: c.reasonCode,
      reasonParams: { reference: c.reference, inastiReference: c.inastiReference, year: call.year, quarter: call.quarter, ...(c.kind === "SURCHARGE" ? {} : { countsForPension: false }) },
      uniqueKey: c.key,
      createdById: c.actorId,
    },
    select: { id: true },
  });
  let left = total;
  const allocations = debits
    .map((d) => {
      const amountCents = Math.min(left, d.amountCents - d.allocationsTo.reduce((s, a) => s + a.amountCents, 0));
      left -= Math.max(0, amountCents);
      return { paymentEntryId: credit.id, targetEntryId: d.id, amountCents };
    })
    .filter((a) => a.amountCents > 0);
  if (allocations.length > 0) await tx.paymentAllocation.createMany({ data: allocations });
  return total;
}
