import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { compareDates } from "@/lib/domain";
import { moveStatus } from "@/lib/dal/internal/decisions";
import { inastiAcceptanceNeedsSecondApprover } from "@/lib/domain/four-eyes";
import { type InastiDecisionInput } from "@/lib/dto/requests";
import { applyInastiDecision, cancellableCents, inastiTrack, callIdsOf, loadInastiRequest, checkMove } from "@/lib/dal/internal/inasti";
import { refused } from "@/lib/errors";

// Exemptions (dispense, docs/domain.md §7.1) and surcharge waivers (renonciation aux majorations, §7.3) are decided
// by INASTI, not by the fund: the advisor reviews the request, forwards it (FORWARDED: from then on the decision
// clock is INASTI's), then records INASTI's decision. On acceptance the ledger follows: a waiver cancels the
// surcharges of the listed calls, an exemption their contribution and management fee (the quarters then do not
// count for pension) — ADJUSTMENT credits allocated to the cancelled debits, each with a unique key: never twice.

/**
 * Records INASTI's decision on a forwarded request; on acceptance, cancels what INASTI granted in the ledger. An
 * acceptance that would cancel more than INASTI_FOUR_EYES_CENTS becomes a proposal a second advisor approves
 * (approveSecond applies it then, with the proposer as the one who recorded it).
 */
export async function recordInastiDecision(viewer: Viewer | null, input: InastiDecisionInput, today: string): Promise<{ cancelledCents: number; awaitingSecondApproval: boolean }> {
  assertPermission(viewer, "request:decide");
  const r = await loadInastiRequest(input.requestId);
  checkMove(r.type, r.status, input.outcome);
  const track = inastiTrack(r.payload);
  if (compareDates(input.decidedOn, today) > 0) throw refused("dateInvalid");
  if (track && compareDates(input.decidedOn, track.sentOn) < 0) throw refused("dateBeforeForwarding");
  if (input.outcome === "accepted" && r.affiliateId) {
    const cents = await cancellableCents(prisma, r.type, r.affiliateId, r.id, callIdsOf(r.payload));
    if (inastiAcceptanceNeedsSecondApprover(cents)) {
      await prisma.$transaction(async (tx) => {
        await moveStatus(tx, r.id, "FORWARDED", {
          status: "AWAITING_SECOND_APPROVAL",
          proposedById: viewer.userId,
          proposedDecision: { decision: "inasti-accept", reasonCode: "inasti.accepted", text: [input.inastiReference, input.note].filter(Boolean).join(" — "), inasti: input, cancellableCents: cents },
        });
        await tx.requestEvent.create({ data: { requestId: r.id, actorId: viewer.userId, fromStatus: "FORWARDED", toStatus: "AWAITING_SECOND_APPROVAL", reason: `proposal:inasti.accepted:${input.decidedOn}:${input.inastiReference}` } });
      });
      return { cancelledCents: 0, awaitingSecondApproval: true };
    }
  }
  const cancelledCents = await prisma.$transaction((tx) => applyInastiDecision(tx, r, input, { actorId: viewer.userId, decidedById: viewer.userId, from: "FORWARDED" }, today));
  return { cancelledCents, awaitingSecondApproval: false };
}
