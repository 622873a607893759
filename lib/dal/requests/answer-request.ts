import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError, refused } from "@/lib/errors";
import { allowedRequestTransitions } from "@/lib/domain";
import { toDbStatus, toDomainState, toDomainType, type DbRequestStatus } from "@/lib/db/enums";
import type { EvidenceUpload } from "@/lib/formats/evidence";
import { checkedEvidenceOrThrow } from "@/lib/dal/internal/evidence";
import { applyDecision } from "@/lib/dal/internal/decisions";
import { notifyAffiliate, postMessage } from "@/lib/dal/internal/conversations";
import { withRetry } from "@/lib/dal/internal/retry";
import { type AnswerOutcome, type Decision } from "@/lib/dto/requests";
import { INSTITUTION_WEBSITES, type Institution } from "@/lib/domain/competent-institutions";
import { serverTranslator } from "@/lib/i18n/translator";
import { formatLongDate } from "@/lib/format";

/** "Your question is for X: we forwarded it on …; follow it at …", in the affiliate's language. */
async function forwardingSentence(affiliateId: string, to: Institution, today: string): Promise<string> {
  const { language } = await prisma.affiliate.findUniqueOrThrow({ where: { id: affiliateId }, select: { language: true } });
  const t = serverTranslator(language, "cv_forward");
  return t("message", { institution: t(`institutions.${to}`), date: formatLongDate(language, today), website: INSTITUTION_WEBSITES[to] ?? "none" });
}

/** The steps from a question's status to "closed" on the domain's state machine (answering is what closes it). */
function pathToClosed(type: Parameters<typeof toDomainType>[0], status: DbRequestStatus): { decision: Decision; to: DbRequestStatus }[] | null {
  const state = toDomainState(status);
  const allowed = allowedRequestTransitions(toDomainType(type), state);
  if (allowed.includes("closed")) return [{ decision: "close", to: "CLOSED" }];
  if (!allowed.includes("in-review")) return null;
  const first: Decision = state === "information-requested" ? "information-received" : "start-review";
  const next = allowedRequestTransitions(toDomainType(type), "in-review").includes("closed");
  return next ? [{ decision: first, to: toDbStatus("in-review") }, { decision: "close", to: "CLOSED" }] : null;
}

/**
 * An advisor answers a question or complaint from the request page: the answer is a message of the thread (with
 * its attachments, checked like evidence), the request moves to "closed" through the state machine — the legal
 * clock stops at the answer, and the first staff answer is what the "answered within 45 days" indicator reads —,
 * and the affiliate gets an e-mail (no text of the answer: a link to their personal space) unless they opted out.
 */
export async function answerRequest(
  viewer: Viewer | null,
  input: { requestId: string; body: string; forwardTo?: Institution },
  uploads: readonly EvidenceUpload[],
  today: string,
): Promise<AnswerOutcome> {
  assertPermission(viewer, "request:decide");
  const r = await prisma.request.findUnique({ where: { id: input.requestId } });
  if (!r || !r.affiliateId) throw new NotFoundError("request");
  if (r.type !== "QUESTION" && r.type !== "COMPLAINT") throw refused("notAQuestion");
  const path = r.status === "AWAITING_SECOND_APPROVAL" || r.status === "FORWARDED" ? null : pathToClosed(r.type, r.status);
  if (!path) throw refused("transitionNotAllowed");
  const files = await checkedEvidenceOrThrow(uploads);
  const affiliateId = r.affiliateId;
  // a question for another institution is forwarded to it (Charte art. 9): the answer says to whom, when and where
  // to follow it, in the affiliate's language; the forwarding is recorded (event, audit log)
  const body = input.forwardTo ? `${await forwardingSentence(affiliateId, input.forwardTo, today)}\n\n${input.body}`.trim() : input.body;
  const { messageId } = await withRetry(() =>
    prisma.$transaction(async (tx) => {
      const posted = await postMessage(tx, {
        request: { id: r.id, affiliateId, reference: r.reference, answerDueOn: isoDate(r.informationDueOn ?? r.filedOn) },
        authorId: viewer.userId,
        body,
        files,
        threadStatus: "ANSWERED",
      });
      let from = r.status;
      for (const step of path) {
        const final = step.to === "CLOSED";
        const reasonCode = !final ? "" : input.forwardTo ? "forwarded" : "answered";
        await applyDecision(tx, { actorId: viewer.userId, decidedById: viewer.userId }, { ...r, status: from }, step.to, { decision: step.decision, reasonCode, text: final ? (input.forwardTo ?? "") : "" }, today);
        from = step.to;
      }
      if (input.forwardTo)
        await tx.auditLog.create({ data: { actorId: viewer.userId, action: "request.forward", entity: "Request", entityId: r.id, affiliateId, details: { institution: input.forwardTo, on: today } } });
      return posted;
    }),
  );
  const emailed = await notifyAffiliate({ requestId: r.id, reference: r.reference, affiliateId, messageId, what: input.forwardTo ? "forwarded" : "answer" });
  return { status: "CLOSED", emailed };
}
