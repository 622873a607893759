import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError, invalid, refused } from "@/lib/errors";
import type { EvidenceUpload } from "@/lib/formats/evidence";
import { checkedEvidenceOrThrow } from "@/lib/dal/internal/evidence";
import { applyDecision } from "@/lib/dal/internal/decisions";
import { notifyAdvisor, postMessage } from "@/lib/dal/internal/conversations";
import { withRetry } from "@/lib/dal/internal/retry";
import { OPEN_REQUEST_STATUSES } from "@/lib/db/enums";
import { type ReplyOutcome } from "@/lib/dto/requests";

/**
 * The affiliate writes on their open request (text and/or evidence). When the advisor asked for information, this
 * is the answer: the request moves back to "in review" (information received), the paused days are counted and
 * the decision clock resumes. The request's advisor is told by e-mail. Another dossier's request: 404.
 */
export async function replyToMyRequest(
  viewer: Viewer | null,
  reference: string,
  input: { body: string },
  uploads: readonly EvidenceUpload[],
  today: string,
): Promise<ReplyOutcome> {
  const affiliateId = ownAffiliateId(viewer, "file");
  const r = await prisma.request.findFirst({ where: { reference, affiliateId } });
  if (!r) throw new NotFoundError("request");
  if (!OPEN_REQUEST_STATUSES.includes(r.status)) throw refused("requestClosed");
  const body = input.body.trim();
  if (body.length === 0 && uploads.length === 0) throw invalid({ body: ["replyEmpty"] });
  const files = await checkedEvidenceOrThrow(uploads);
  const resumed = r.status === "INFORMATION_REQUESTED";
  const { messageId } = await withRetry(() =>
    prisma.$transaction(async (tx) => {
      const posted = await postMessage(tx, {
        request: { id: r.id, affiliateId, reference: r.reference, answerDueOn: isoDate(r.informationDueOn ?? r.decisionDueOn ?? r.filedOn) },
        authorId: viewer!.userId,
        body,
        files,
        threadStatus: "OPEN",
      });
      if (resumed) {
        await applyDecision(tx, { actorId: viewer!.userId, decidedById: viewer!.userId }, r, "IN_REVIEW", { decision: "information-received", reasonCode: "informationReceived", text: "" }, today);
      }
      return posted;
    }),
  );
  await notifyAdvisor({ requestId: r.id, reference: r.reference, affiliateId, messageId, information: resumed });
  return { status: resumed ? "IN_REVIEW" : r.status, resumed };
}
