import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate, isoDate } from "@/lib/clock";
import { portalBaseUrl } from "@/lib/auth/activation";
import { sendEmail } from "@/lib/mail/outbox";
import { notify } from "@/lib/dal/internal/notify";
import { deliverNotices } from "@/lib/dal/internal/deliver-notices";
import { serverTranslator } from "@/lib/i18n/translator";
import type { CheckedEvidence } from "@/lib/formats/evidence";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MessageKind } from "@/lib/generated/prisma/enums";
import { type ThreadMessage } from "@/lib/dto/requests";
import { isStaff } from "@/lib/auth/permissions";

// The conversation of a request (issue #13): one MessageThread per request, its messages in order, each message's
// attachments as EVIDENCE documents of the request linked by messageId. Thread status says whose turn it is:
// OPEN — the fund's (the affiliate wrote last); ANSWERED — the affiliate's (an advisor answered or asked).
// The e-mails never carry a message's text: they say there is something to read in the personal space.

type Tx = Prisma.TransactionClient;

/** Writes a message (and its checked attachments) in the request's thread, creating the thread if it has none. */
export async function postMessage(
  tx: Tx,
  input: {
    request: { id: string; affiliateId: string; reference: string; answerDueOn: string };
    authorId: string;
    body: string;
    kind?: MessageKind;
    replyDueOn?: string | null;
    files: readonly CheckedEvidence[];
    threadStatus: "OPEN" | "ANSWERED";
  },
): Promise<{ messageId: string; threadId: string }> {
  const existing = await tx.messageThread.findUnique({ where: { requestId: input.request.id }, select: { id: true } });
  const thread =
    existing ??
    (await tx.messageThread.create({
      data: { affiliateId: input.request.affiliateId, requestId: input.request.id, subject: input.request.reference, status: input.threadStatus, answerDueOn: dbDate(input.request.answerDueOn) },
      select: { id: true },
    }));
  if (existing) await tx.messageThread.update({ where: { id: thread.id }, data: { status: input.threadStatus } });
  const message = await tx.message.create({
    data: { threadId: thread.id, authorId: input.authorId, body: input.body, kind: input.kind ?? "MESSAGE", replyDueOn: input.replyDueOn ? dbDate(input.replyDueOn) : null },
    select: { id: true },
  });
  if (input.files.length > 0) {
    await tx.document.createMany({
      data: input.files.map((f) => ({
        affiliateId: input.request.affiliateId,
        requestId: input.request.id,
        messageId: message.id,
        kind: "EVIDENCE" as const,
        fileName: f.fileName,
        mimeType: f.mimeType,
        sizeBytes: f.sizeBytes,
        content: Buffer.from(f.content),
      })),
    });
  }
  return { messageId: message.id, threadId: thread.id };
}

/** The thread of a request as pages receive it: messages in order, each with its author and attachments. */
export async function threadOf(requestId: string, viewerUserId: string): Promise<{ subject: string; answerDueOn: string; messages: ThreadMessage[] } | null> {
  const t = await prisma.messageThread.findUnique({
    where: { requestId },
    include: { messages: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { author: { select: { name: true, role: true } } } } },
  });
  if (!t) return null;
  const ids = t.messages.map((m) => m.id);
  const docs = ids.length
    ? await prisma.document.findMany({ where: { messageId: { in: ids }, kind: "EVIDENCE" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, messageId: true, fileName: true, sizeBytes: true } })
    : [];
  return {
    subject: t.subject,
    answerDueOn: isoDate(t.answerDueOn),
    messages: t.messages.map((m) => ({
      id: m.id,
      kind: m.kind,
      mine: m.authorId === viewerUserId,
      fromFund: isStaff(m.author.role),
      byAccountant: m.author.role === "ACCOUNTANT",
      authorName: m.author.name,
      body: m.body,
      at: m.createdAt.toISOString(),
      replyDueOn: m.replyDueOn ? isoDate(m.replyDueOn) : null,
      attachments: docs.filter((d) => d.messageId === m.id).map((d) => ({ id: d.id, fileName: d.fileName, sizeBytes: d.sizeBytes })),
    })),
  };
}

export { wantsEmail } from "@/lib/dal/internal/notify";

/**
 * Tells the affiliate there is something to read on the request (an answer, or a request for information): a notice
 * in their inbox and, unless they opted out of e-mail or have no address, an e-mail. Returns whether one was queued.
 */
export async function notifyAffiliate(input: { requestId: string; reference: string; affiliateId: string; messageId: string; what: "answer" | "information" | "forwarded"; replyDueOn?: string | null }): Promise<boolean> {
  const key = await notify(prisma, {
    affiliateId: input.affiliateId,
    kind: input.what,
    values: { reference: input.reference, dueOn: input.replyDueOn ?? "" },
    path: `/me/requests/${input.reference}`,
    uniqueKey: `message:${input.messageId}`,
  });
  await deliverNotices([key]);
  return key !== null;
}

/** Tells the request's advisor (the assignee, else the dossier's advisor) that the affiliate wrote. */
export async function notifyAdvisor(input: { requestId: string; reference: string; affiliateId: string; messageId: string; information: boolean }): Promise<boolean> {
  const r = await prisma.request.findUniqueOrThrow({
    where: { id: input.requestId },
    select: { assignee: { select: { email: true, locale: true } }, affiliate: { select: { memberNumber: true, advisor: { select: { email: true, locale: true } } } } },
  });
  const advisor = r.assignee ?? r.affiliate?.advisor ?? null;
  if (!advisor) return false;
  const t = serverTranslator(advisor.locale, "cv_mail");
  const values = { reference: input.reference, memberNumber: r.affiliate?.memberNumber ?? "", link: `${portalBaseUrl()}/staff/requests/${input.requestId}` };
  await sendEmail({
    to: advisor.email,
    subject: t("toAdvisorSubject", values),
    text: t(input.information ? "toAdvisorInformationText" : "toAdvisorText", values),
    template: "request.affiliateReplied",
    affiliateId: input.affiliateId,
    uniqueKey: `message:${input.messageId}`,
  });
  return true;
}
