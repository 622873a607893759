import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { type MyRequestDetail } from "@/lib/dto/requests";

/** One request of the caller by its reference, with its timeline; another dossier's request is a 404. */
export async function getMyRequest(viewer: Viewer | null, reference: string): Promise<MyRequestDetail> {
  const affiliateId = ownAffiliateId(viewer);
  const r = await prisma.request.findFirst({
    where: { reference, affiliateId },
    include: {
      events: { orderBy: [{ at: "asc" }, { id: "asc" }] },
      plan: { include: { instalments: { orderBy: { seq: "asc" } } } },
      thread: { include: { messages: { orderBy: { createdAt: "asc" } } } },
      documents: { where: { kind: "EVIDENCE" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, fileName: true, mimeType: true, sizeBytes: true } },
    },
  });
  if (!r) throw new NotFoundError("request");
  return {
    reference: r.reference,
    type: r.type,
    status: r.status,
    filedOn: isoDate(r.filedOn),
    informationDueOn: r.informationDueOn ? isoDate(r.informationDueOn) : null,
    decisionDueOn: r.decisionDueOn ? isoDate(r.decisionDueOn) : null,
    payload: (r.payload ?? {}) as Record<string, unknown>,
    events: r.events.map((e) => ({ at: e.at.toISOString(), fromStatus: e.fromStatus, toStatus: e.toStatus, reason: e.reason })),
    plan: r.plan
      ? {
          status: r.plan.status,
          debtCents: r.plan.debtCents,
          advanceCents: r.plan.advanceCents,
          months: r.plan.months,
          instalments: r.plan.instalments.map((i) => ({ seq: i.seq, dueOn: isoDate(i.dueOn), amountCents: i.amountCents, paidCents: i.paidCents, structuredCommunication: i.structuredCommunication })),
        }
      : null,
    thread: r.thread
      ? {
          subject: r.thread.subject,
          answerDueOn: isoDate(r.thread.answerDueOn),
          messages: r.thread.messages.map((m) => ({ mine: m.authorId === viewer!.userId, body: m.body, at: m.createdAt.toISOString() })),
        }
      : null,
    evidence: r.documents,
  };
}
