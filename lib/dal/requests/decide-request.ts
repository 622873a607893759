import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { checkDecision, decisionTarget, needsSecondApproval } from "@/lib/dal/internal/request-workflow";
import { toDbStatus } from "@/lib/db/enums";
import { welcomeNewAffiliate } from "@/lib/dal/affiliation/welcome-new-affiliate";
import { planRefusals } from "@/lib/dal/internal/requests";
import { type DecisionInput, type DecisionOutcome } from "@/lib/dto/requests";
import { moveStatus, applyDecision } from "@/lib/dal/internal/decisions";
import { NotFoundError, refused } from "@/lib/errors";

/**
 * An advisor's decision: start the review, accept, refuse, ask for information (pauses the clock), information
 * received (restarts it) or close. A refusal and a payment plan outside the fund's policy (its terms or the debtor's
 * history) become a proposal that a second staff member must approve (four eyes).
 */
export async function decideRequest(viewer: Viewer | null, input: DecisionInput, today: string): Promise<DecisionOutcome> {
  assertPermission(viewer, "request:decide");
  const r = await prisma.request.findUnique({ where: { id: input.requestId } });
  if (!r) throw new NotFoundError("request");
  const check = checkDecision(r.type, r.status, input.decision);
  if (!check.ok) throw refused(check.code === "request.transitionNotAllowed" ? "transitionNotAllowed" : check.code);
  const { refusals } = input.decision === "accept" ? await planRefusals(r, today) : { refusals: [] };
  const reason = [input.reasonCode, input.text].filter(Boolean).join(" — ");
  if (needsSecondApproval({ type: r.type, decision: input.decision, planRefusals: refusals })) {
    await prisma.$transaction(async (tx) => {
      await moveStatus(tx, r.id, r.status, {
        status: "AWAITING_SECOND_APPROVAL",
        proposedById: viewer.userId,
        proposedDecision: { decision: input.decision, reasonCode: input.reasonCode, text: input.text, planRefusals: refusals },
      });
      await tx.requestEvent.create({ data: { requestId: r.id, actorId: viewer.userId, fromStatus: r.status, toStatus: "AWAITING_SECOND_APPROVAL", reason: `proposal:${input.decision} — ${reason}` } });
    });
    return { status: "AWAITING_SECOND_APPROVAL", awaitingSecondApproval: true };
  }
  const status = toDbStatus(decisionTarget(input.decision));
  await prisma.$transaction(async (tx) => {
    await applyDecision(tx, { actorId: viewer.userId, decidedById: viewer.userId }, r, status, input, today);
  });
  // the new affiliate's welcome pack, first calls and welcome e-mail, once the dossier exists
  if (r.type === "AFFILIATION" && status === "ACCEPTED") await welcomeNewAffiliate(viewer, r.id, today);
  return { status, awaitingSecondApproval: false };
}
