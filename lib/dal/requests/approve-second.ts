import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { Prisma } from "@/lib/generated/prisma/client";
import { checkSecondApprover, decisionTarget } from "@/lib/dal/internal/request-workflow";
import { toDbStatus } from "@/lib/db/enums";
import { type Decision, type InastiDecisionInput } from "@/lib/dto/requests";
import { type DbRequestType } from "@/lib/db/enums";
import { applyInastiDecision } from "@/lib/dal/internal/inasti";
import { type DecisionOutcome } from "@/lib/dto/requests";
import { moveStatus, applyDecision } from "@/lib/dal/internal/decisions";
import { deliverNotices } from "@/lib/dal/internal/deliver-notices";
import { approveBenefitOverride, claimFollowsRefusal, isOverrideProposal } from "@/lib/dal/internal/benefit-override";
import { NotFoundError, refused } from "@/lib/errors";

/**
 * The second staff member approves (the decision takes effect) or rejects (back to review) a four-eyes proposal.
 * The proposer can never approve their own proposal.
 */
export async function approveSecond(viewer: Viewer | null, input: { requestId: string; approve: boolean; reason: string }, today: string): Promise<DecisionOutcome> {
  assertPermission(viewer, "request:approve-second");
  const r = await prisma.request.findUnique({ where: { id: input.requestId } });
  if (!r) throw new NotFoundError("request");
  const check = checkSecondApprover({ status: r.status, proposedById: r.proposedById, approverId: viewer.userId });
  if (!check.ok) throw refused(check.code);
  const proposal = r.proposedDecision as { decision: Decision | "inasti-accept"; reasonCode: string; text: string; planRefusals?: string[]; inasti?: InastiDecisionInput };
  if (proposal.decision === "inasti-accept" && proposal.inasti) return approveInasti(viewer, r, proposal.inasti, input, today);
  // an accepted benefit whose conditions are not met (override): the claim is granted as proposed (issue #13, part 5)
  if (isOverrideProposal(proposal) && input.approve) return approveBenefitOverride(viewer, r, proposal, input, today);
  if (!input.approve) {
    await prisma.$transaction(async (tx) => {
      await moveStatus(tx, r.id, "AWAITING_SECOND_APPROVAL", { status: "IN_REVIEW", proposedById: null, proposedDecision: Prisma.DbNull });
      await tx.requestEvent.create({ data: { requestId: r.id, actorId: viewer.userId, fromStatus: "AWAITING_SECOND_APPROVAL", toStatus: "IN_REVIEW", reason: `rejected:${proposal.decision} — ${input.reason}` } });
    });
    return { status: "IN_REVIEW", awaitingSecondApproval: false };
  }
  const status = toDbStatus(decisionTarget(proposal.decision as Decision));
  const notices = await prisma.$transaction(async (tx) => {
    // the decision is the proposer's; the event's actor is the second staff member who approved it
    const prefix = `approved:${proposal.decision}${input.reason ? ` (${input.reason})` : ""} — `;
    const keys = await applyDecision(tx, { actorId: viewer.userId, decidedById: r.proposedById! }, { ...r, status: "AWAITING_SECOND_APPROVAL" }, status, { ...proposal, decision: proposal.decision as Decision }, today, prefix);
    await claimFollowsRefusal(tx, r, status);
    await tx.auditLog.create({ data: { actorId: viewer.userId, action: "request.approve-second", entity: "Request", entityId: r.id, details: { proposedById: r.proposedById, decision: proposal.decision } } });
    return keys;
  });
  await deliverNotices(notices);
  return { status, awaitingSecondApproval: false };
}

/** An INASTI acceptance above the threshold: approved, it is recorded as the proposer entered it (the ledger follows);
 *  rejected, the request is back with INASTI's decision still to record. */
async function approveInasti(
  viewer: Viewer,
  r: { id: string; type: DbRequestType; affiliateId: string | null; payload: unknown; reference: string; proposedById: string | null },
  inasti: InastiDecisionInput,
  input: { approve: boolean; reason: string },
  today: string,
): Promise<DecisionOutcome> {
  const note = input.reason ? ` (${input.reason})` : "";
  if (!input.approve) {
    await prisma.$transaction(async (tx) => {
      await moveStatus(tx, r.id, "AWAITING_SECOND_APPROVAL", { status: "FORWARDED", proposedById: null, proposedDecision: Prisma.DbNull });
      await tx.requestEvent.create({ data: { requestId: r.id, actorId: viewer.userId, fromStatus: "AWAITING_SECOND_APPROVAL", toStatus: "FORWARDED", reason: `rejected:inasti.accepted — ${input.reason}` } });
    });
    return { status: "FORWARDED", awaitingSecondApproval: false };
  }
  await prisma.$transaction(async (tx) => {
    await applyInastiDecision(tx, r, inasti, { actorId: viewer.userId, decidedById: r.proposedById!, from: "AWAITING_SECOND_APPROVAL", prefix: `approved${note} — ` }, today);
    await tx.auditLog.create({ data: { actorId: viewer.userId, action: "request.approve-second", entity: "Request", entityId: r.id, affiliateId: r.affiliateId, details: { proposedById: r.proposedById, decision: "inasti-accept" } } });
  });
  return { status: "ACCEPTED", awaitingSecondApproval: false };
}
