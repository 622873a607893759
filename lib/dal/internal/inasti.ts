import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate } from "@/lib/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import { transitionRequest } from "@/lib/domain";
import { isInastiRequest } from "@/lib/dal/internal/request-workflow";
import { toDomainState, toDomainType, type DbRequestStatus, type DbRequestType } from "@/lib/db/enums";
import { type InastiDecisionInput, type InastiTrack } from "@/lib/dto/requests";
import { NotFoundError, refused } from "@/lib/errors";

export function inastiTrack(payload: unknown): InastiTrack | null {
  const v = (payload as { inasti?: InastiTrack } | null)?.inasti;
  return v && typeof v.sentOn === "string" ? v : null;
}

export function callIdsOf(payload: unknown): string[] {
  const ids = (payload as { callIds?: unknown } | null)?.callIds;
  return Array.isArray(ids) ? [...new Set(ids.filter((x): x is string => typeof x === "string" && x.length > 0 && x.length <= 100))] : [];
}

export async function loadInastiRequest(requestId: string) {
  const r = await prisma.request.findUnique({ where: { id: requestId }, select: { id: true, type: true, status: true, affiliateId: true, payload: true, reference: true } });
  if (!r) throw new NotFoundError("request");
  if (!isInastiRequest(r.type)) throw refused("notInastiRequest");
  return r;
}

export function checkMove(type: DbRequestType, from: DbRequestStatus, to: "forwarded" | "accepted" | "refused") {
  if (from === "AWAITING_SECOND_APPROVAL") throw refused("fourEyesPending");
  if (!transitionRequest(toDomainType(type), toDomainState(from), to).ok) throw refused("transitionNotAllowed");
}

type Tx = Prisma.TransactionClient;

/** INASTI's decision applied: the request decided, the event written, and on acceptance the ledger cancellations. */
export async function applyInastiDecision(
  tx: Tx,
  r: { id: string; type: DbRequestType; affiliateId: string | null; payload: unknown; reference: string },
  input: InastiDecisionInput,
  who: { actorId: string; decidedById: string; from: "FORWARDED" | "AWAITING_SECOND_APPROVAL"; prefix?: string },
  today: string,
): Promise<number> {
  const track = inastiTrack(r.payload);
  const payload = {
    ...((r.payload ?? {}) as Record<string, unknown>),
    inasti: { sentOn: track?.sentOn ?? input.decidedOn, decidedOn: input.decidedOn, outcome: input.outcome, reference: input.inastiReference } satisfies InastiTrack,
  };
  const status = input.outcome === "accepted" ? "ACCEPTED" : "REFUSED";
  const { count } = await tx.request.updateMany({
    where: { id: r.id, status: who.from },
    data: { status, payload, decidedAt: new Date(), decidedById: who.decidedById, decisionReasonCode: `inasti.${input.outcome}`, decisionText: [input.inastiReference, input.note].filter(Boolean).join(" — "), proposedById: null, proposedDecision: Prisma.DbNull },
  });
  if (count !== 1) throw refused("concurrentChange");
  await tx.requestEvent.create({
    data: { requestId: r.id, actorId: who.actorId, fromStatus: who.from, toStatus: status, reason: `${who.prefix ?? ""}inasti.${input.outcome}:${input.decidedOn}:${input.inastiReference}${input.note ? ` — ${input.note}` : ""}` },
  });
  let cancelledCents = 0;
  if (input.outcome === "accepted" && r.affiliateId) {
    const ctx = { affiliateId: r.affiliateId, requestId: r.id, reference: r.reference, inastiReference: input.inastiReference, today, actorId: who.decidedById };
    for (const callId of callIdsOf(r.payload)) {
      for (const part of partsToCancel(r.type, r.id, callId)) cancelledCents += await cancelCallEntries(tx, { ...ctx, callId, ...part });
    }
    if (r.type === "EXEMPTION") {
      // the exempted quarters do not count for pension (they can be paid within 5 years to recover the rights)
      await tx.auditLog.create({ data: { actorId: who.actorId, action: "exemption.notForPension", entity: "Request", entityId: r.id, affiliateId: r.affiliateId, details: { callIds: callIdsOf(r.payload), inastiReference: input.inastiReference } } });
    }
  }
  return cancelledCents;
}

type Part = { kind: "SURCHARGE" | "CALL" | "FEE"; key: string; reasonCode: string };

/** What an acceptance cancels on one call: a waiver its surcharges, an exemption its contribution and fee. */
function partsToCancel(type: DbRequestType, requestId: string, callId: string): Part[] {
  if (type === "SURCHARGE_WAIVER") return [{ kind: "SURCHARGE", key: `waiver:${requestId}:${callId}`, reasonCode: "inasti.surchargeWaiver" }];
  return [
    { kind: "CALL", key: `exemption:${requestId}:${callId}:principal`, reasonCode: "inasti.exemption" },
    { kind: "FEE", key: `exemption:${requestId}:${callId}:fee`, reasonCode: "inasti.exemptionFee" },
  ];
}

/** What an acceptance would cancel now (the four-eyes threshold is weighed on it). */
export async function cancellableCents(db: Tx | typeof prisma, type: DbRequestType, affiliateId: string, requestId: string, callIds: string[]): Promise<number> {
  let total = 0;
  for (const callId of callIds) {
    for (const part of partsToCancel(type, requestId, callId)) {
      if (await db.ledgerEntry.findUnique({ where: { uniqueKey: part.key }, select: { id: true } })) continue;
      total += Math.max(0, (await toCancel(db, { affiliateId, callId, kind: part.kind, reasonCode: part.reasonCode })).total);
    }
  }
  return total;
}

/** The `kind` debits of one call of the dossier and their total less what an earlier INASTI decision cancelled. */
async function toCancel(db: Tx | typeof prisma, c: { affiliateId: string; callId: string; kind: Part["kind"]; reasonCode: string }) {
  const [debits, earlier] = await Promise.all([
    db.ledgerEntry.findMany({
      where: { affiliateId: c.affiliateId, callId: c.callId, kind: c.kind, amountCents: { gt: 0 } },
      orderBy: { id: "asc" },
      select: { id: true, amountCents: true, allocationsTo: { select: { amountCents: true } } },
    }),
    // what an earlier INASTI decision (another request for the same call) already cancelled: never cancelled twice
    db.ledgerEntry.aggregate({ where: { affiliateId: c.affiliateId, callId: c.callId, kind: "ADJUSTMENT", reasonCode: c.reasonCode }, _sum: { amountCents: true } }),
  ]);
  return { debits, total: debits.reduce((s, d) => s + d.amountCents, 0) + (earlier._sum.amountCents ?? 0) };
}

/**
 * Cancels the `kind` debits of one call of the dossier (a call of another dossier is left alone): one ADJUSTMENT
 * credit of their total less what an earlier INASTI decision on the call already cancelled, allocated to what is
 * still open of each (the surcharge run then sees the principal settled; an already paid part stays as a credit in
 * the account). Returns the amount cancelled (0 if already done).
 */
async function cancelCallEntries(
  tx: Tx,
  c: { affiliateId: string; requestId: string; reference: string; inastiReference: string; callId: string; today: string; actorId: string } & Part,
): Promise<number> {
  if (await tx.ledgerEntry.findUnique({ where: { uniqueKey: c.key }, select: { id: true } })) return 0;
  // one decision at a time per call: two acceptances recorded together cannot both see nothing cancelled yet
  await tx.$queryRaw`SELECT id FROM "ContributionCall" WHERE id = ${c.callId} AND "affiliateId" = ${c.affiliateId} FOR UPDATE`;
  const { debits, total } = await toCancel(tx, c);
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
