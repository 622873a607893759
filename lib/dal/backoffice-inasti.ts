import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate } from "@/lib/clock";
import { assertPermission, NotFoundError, type Viewer } from "@/lib/auth/viewer";
import { compareDates, transitionRequest } from "@/lib/domain";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isInastiRequest, toDomainState, toDomainType, type DbRequestStatus, type DbRequestType } from "@/lib/backoffice/requests";
import { BackofficeError } from "@/lib/backoffice/errors";

// Exemptions (dispense, DOMAIN.md §1.12) and surcharge waivers (renonciation aux majorations, §1.14) are decided
// by INASTI, not by the fund: the advisor reviews the request, forwards it (FORWARDED: from then on the decision
// clock is INASTI's), then records INASTI's decision. On acceptance the ledger follows: a waiver cancels the
// surcharges of the listed calls, an exemption their contribution and management fee (the quarters then do not
// count for pension) — ADJUSTMENT credits allocated to the cancelled debits, each with a unique key: never twice.

type Tx = Prisma.TransactionClient;

/** What the request, its events and the affiliate's status page keep of the INASTI steps (payload.inasti). */
export type InastiTrack = { sentOn: string; decidedOn?: string; outcome?: "accepted" | "refused"; reference?: string };

export function inastiTrack(payload: unknown): InastiTrack | null {
  const v = (payload as { inasti?: InastiTrack } | null)?.inasti;
  return v && typeof v.sentOn === "string" ? v : null;
}

function callIdsOf(payload: unknown): string[] {
  const ids = (payload as { callIds?: unknown } | null)?.callIds;
  return Array.isArray(ids) ? [...new Set(ids.filter((x): x is string => typeof x === "string" && x.length > 0 && x.length <= 100))] : [];
}

async function loadInastiRequest(requestId: string) {
  const r = await prisma.request.findUnique({ where: { id: requestId }, select: { id: true, type: true, status: true, affiliateId: true, payload: true, reference: true } });
  if (!r) throw new NotFoundError("request");
  if (!isInastiRequest(r.type)) throw new BackofficeError("notInastiRequest");
  return r;
}

function checkMove(type: DbRequestType, from: DbRequestStatus, to: "forwarded" | "accepted" | "refused") {
  if (from === "AWAITING_SECOND_APPROVAL") throw new BackofficeError("fourEyesPending");
  if (!transitionRequest(toDomainType(type), toDomainState(from), to).ok) throw new BackofficeError("transitionNotAllowed");
}

/** The advisor sends the request to INASTI on `sentOn` (not after today). */
export async function forwardToInasti(viewer: Viewer | null, input: { requestId: string; sentOn: string }, today: string): Promise<void> {
  assertPermission(viewer, "request:decide");
  const r = await loadInastiRequest(input.requestId);
  checkMove(r.type, r.status, "forwarded");
  if (compareDates(input.sentOn, today) > 0) throw new BackofficeError("dateInvalid");
  const payload = { ...((r.payload ?? {}) as Record<string, unknown>), inasti: { sentOn: input.sentOn } satisfies InastiTrack };
  await prisma.$transaction(async (tx) => {
    // the fund's handling ends here (decidedAt: the KPIs count a forwarded exemption as handled by the fund)
    const { count } = await tx.request.updateMany({ where: { id: r.id, status: r.status }, data: { status: "FORWARDED", payload, decidedAt: new Date(), decidedById: viewer.userId } });
    if (count !== 1) throw new BackofficeError("concurrentChange");
    await tx.requestEvent.create({ data: { requestId: r.id, actorId: viewer.userId, fromStatus: r.status, toStatus: "FORWARDED", reason: `inasti.forwarded:${input.sentOn}` } });
  });
}

export type InastiDecisionInput = { requestId: string; outcome: "accepted" | "refused"; decidedOn: string; inastiReference: string; note: string };

/** Records INASTI's decision on a forwarded request; on acceptance, cancels what INASTI granted in the ledger. */
export async function recordInastiDecision(viewer: Viewer | null, input: InastiDecisionInput, today: string): Promise<{ cancelledCents: number }> {
  assertPermission(viewer, "request:decide");
  const r = await loadInastiRequest(input.requestId);
  checkMove(r.type, r.status, input.outcome);
  const track = inastiTrack(r.payload);
  if (compareDates(input.decidedOn, today) > 0) throw new BackofficeError("dateInvalid");
  if (track && compareDates(input.decidedOn, track.sentOn) < 0) throw new BackofficeError("dateBeforeForwarding");
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
    if (count !== 1) throw new BackofficeError("concurrentChange");
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

/** For the staff request page: the INASTI track and the calls the request lists (of the request's own dossier). */
export async function inastiDetails(viewer: Viewer | null, requestId: string): Promise<{ track: InastiTrack | null; calls: { id: string; year: number; quarter: number; kind: string }[] }> {
  assertPermission(viewer, "dossier:read:any");
  const r = await prisma.request.findUnique({ where: { id: requestId }, select: { payload: true, affiliateId: true } });
  if (!r) return { track: null, calls: [] };
  const ids = callIdsOf(r.payload);
  const calls = ids.length && r.affiliateId
    ? await prisma.contributionCall.findMany({ where: { id: { in: ids }, affiliateId: r.affiliateId }, orderBy: [{ year: "asc" }, { quarter: "asc" }], select: { id: true, year: true, quarter: true, kind: true } })
    : [];
  return { track: inastiTrack(r.payload), calls };
}
