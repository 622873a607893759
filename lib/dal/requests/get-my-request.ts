import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate, todayInBrussels } from "@/lib/clock";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { type MyRequestDetail } from "@/lib/dto/requests";
import { threadOf } from "@/lib/dal/internal/conversations";
import { OPEN_REQUEST_STATUSES } from "@/lib/db/enums";

/** One request of the caller by its reference, with its timeline and conversation; another dossier's request is a 404. */
export async function getMyRequest(viewer: Viewer | null, reference: string): Promise<MyRequestDetail> {
  const affiliateId = ownAffiliateId(viewer);
  const r = await prisma.request.findFirst({
    where: { reference, affiliateId },
    include: {
      events: { orderBy: [{ at: "asc" }, { id: "asc" }], include: { actor: { select: { name: true, role: true } } } },
      plan: { include: { instalments: { orderBy: { seq: "asc" } } } },
      documents: { where: { kind: "EVIDENCE", messageId: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, fileName: true, mimeType: true, sizeBytes: true } },
    },
  });
  if (!r) throw new NotFoundError("request");
  const thread = await threadOf(r.id, viewer!.userId);
  const lastQuestion = [...(thread?.messages ?? [])].reverse().find((m) => m.kind === "INFORMATION_REQUEST");
  return {
    reference: r.reference,
    type: r.type,
    status: r.status,
    filedOn: isoDate(r.filedOn),
    informationDueOn: r.informationDueOn ? isoDate(r.informationDueOn) : null,
    decisionDueOn: r.decisionDueOn ? isoDate(r.decisionDueOn) : null,
    payload: (r.payload ?? {}) as Record<string, unknown>,
    // what the affiliate's accountant did for them is said as such (filed by them, on the affiliate's behalf)
    events: r.events.map((e) => ({ at: e.at.toISOString(), fromStatus: e.fromStatus, toStatus: e.toStatus, reason: e.reason, byAccountant: e.actor?.role === "ACCOUNTANT" ? e.actor.name : null })),
    plan: r.plan
      ? {
          status: r.plan.status,
          debtCents: r.plan.debtCents,
          advanceCents: r.plan.advanceCents,
          months: r.plan.months,
          instalments: r.plan.instalments.map((i) => ({ seq: i.seq, dueOn: isoDate(i.dueOn), amountCents: i.amountCents, paidCents: i.paidCents, structuredCommunication: i.structuredCommunication })),
        }
      : null,
    thread,
    evidence: r.documents,
    pendingQuestion: r.status === "INFORMATION_REQUESTED" && lastQuestion ? { body: lastQuestion.body, replyDueOn: lastQuestion.replyDueOn } : null,
    canReply: OPEN_REQUEST_STATUSES.includes(r.status) && (thread !== null || r.status === "INFORMATION_REQUESTED"),
    decision:
      r.status === "ACCEPTED" || r.status === "REFUSED"
        ? { outcome: r.status, decidedOn: r.decidedAt ? todayInBrussels(r.decidedAt, "") : null, reasonCode: r.decisionReasonCode, text: r.decisionText }
        : null,
  };
}
