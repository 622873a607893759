import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { checkDecision, decisionTarget, needsSecondApproval } from "@/lib/dal/internal/request-workflow";
import { toDbStatus } from "@/lib/db/enums";
import { welcomeNewAffiliate } from "@/lib/dal/affiliation/welcome-new-affiliate";
import { planRefusals } from "@/lib/dal/internal/requests";
import { DECISION_REASONS, type DecisionInput, type DecisionOutcome } from "@/lib/dto/requests";
import { moveStatus, applyDecision } from "@/lib/dal/internal/decisions";
import { NotFoundError, invalid, refused } from "@/lib/errors";
import { isoDate } from "@/lib/clock";
import { informationReplyDueOn } from "@/lib/domain";
import { notifyAffiliate, postMessage } from "@/lib/dal/internal/conversations";
import { deliverNotices } from "@/lib/dal/internal/deliver-notices";
import { acceptBenefitRequest, isConditionalBenefit } from "@/lib/dal/internal/benefit-override";

/**
 * An advisor's decision: start the review, accept, refuse, ask for information (pauses the clock), information
 * received (restarts it) or close. A refusal and a payment plan outside the fund's policy (its terms or the debtor's
 * history) become a proposal that a second staff member must approve (four eyes).
 * Asking for information puts the advisor's text in the request's thread (created if the request has none) as the
 * question the affiliate sees and answers on their request page, with an e-mail (issue #13).
 */
export async function decideRequest(viewer: Viewer | null, input: DecisionInput, today: string): Promise<DecisionOutcome> {
  assertPermission(viewer, "request:decide");
  const r = await prisma.request.findUnique({ where: { id: input.requestId } });
  if (!r) throw new NotFoundError("request");
  // a reason belongs to the request's type (the form offers only those; the server refuses any other)
  if (input.reasonCode && !(DECISION_REASONS[r.type] ?? []).includes(input.reasonCode)) throw invalid({ reasonCode: ["reasonNotForType"] });
  const check = checkDecision(r.type, r.status, input.decision);
  if (!check.ok) throw refused(check.code === "request.transitionNotAllowed" ? "transitionNotAllowed" : check.code);
  // a bridging right or caregiver allowance is accepted with its claim, bound to its conditions (issue #13, part 5)
  if (input.decision === "accept" && isConditionalBenefit(r.type)) return acceptBenefitRequest(viewer, r, input, today);
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
  const asking = input.decision === "ask-information" && r.affiliateId !== null;
  if (asking && input.text.trim().length === 0) throw invalid({ text: ["questionRequired"] });
  const replyDueOn = informationReplyDueOn(today);
  let notices: (string | null)[] = [];
  const messageId = await prisma.$transaction(async (tx) => {
    notices = await applyDecision(tx, { actorId: viewer.userId, decidedById: viewer.userId }, r, status, input, today);
    if (!asking) return null;
    const posted = await postMessage(tx, {
      request: { id: r.id, affiliateId: r.affiliateId!, reference: r.reference, answerDueOn: isoDate(r.informationDueOn ?? r.decisionDueOn ?? r.filedOn) },
      authorId: viewer.userId,
      body: input.text.trim(),
      kind: "INFORMATION_REQUEST",
      replyDueOn,
      files: [],
      threadStatus: "ANSWERED",
    });
    return posted.messageId;
  });
  await deliverNotices(notices);
  if (messageId) await notifyAffiliate({ requestId: r.id, reference: r.reference, affiliateId: r.affiliateId!, messageId, what: "information", replyDueOn });
  // the new affiliate's welcome pack, first calls and welcome e-mail, once the dossier exists
  if (r.type === "AFFILIATION" && status === "ACCEPTED") await welcomeNewAffiliate(viewer, r.id, today);
  return { status, awaitingSecondApproval: false };
}
