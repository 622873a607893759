import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate } from "@/lib/clock";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { charterDeadlines, yearOf } from "@/lib/domain";
import { sendEmail } from "@/lib/mail/outbox";
import { attachEvidence, checkedEvidenceOrThrow } from "@/lib/dal/internal/evidence";
import type { EvidenceUpload } from "@/lib/formats/evidence";
import { serverTranslator } from "@/lib/i18n/translator";
import { formatDate } from "@/lib/format";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { nextReference } from "@/lib/dal/internal/requests-filing";
import { withRetry } from "@/lib/dal/internal/retry";
import { type FiledRequest } from "@/lib/dto/requests";

// ───────────────────────────── question / complaint ─────────────────────────────

/** A question or complaint to the dossier's named advisor: request + thread + first message, answer due in 45 days,
 *  and an e-mail to the advisor in their language. */
export async function askMyAdvisor(
  viewer: Viewer | null,
  today: string,
  input: { kind: "QUESTION" | "COMPLAINT"; subject: string; body: string },
  evidence: readonly EvidenceUpload[] = [],
): Promise<FiledRequest & { answerDueOn: string }> {
  const affiliateId = ownAffiliateId(viewer, "file");
  const files = await checkedEvidenceOrThrow(evidence);
  const affiliate = await prisma.affiliate.findUniqueOrThrow({
    where: { id: affiliateId },
    select: { memberNumber: true, advisorId: true, advisor: { select: { email: true, locale: true } } },
  });
  const deadlines = charterDeadlines({ filedOn: today });
  const result = await withRetry(() =>
    prisma.$transaction(
      async (tx) => {
        const reference = await nextReference(tx, yearOf(today));
        const request = await tx.request.create({
          data: {
            reference,
            type: input.kind,
            status: "SUBMITTED",
            affiliateId,
            payload: { subject: input.subject },
            filedOn: dbDate(today),
            informationDueOn: dbDate(deadlines.informationDueOn),
            assigneeId: affiliate.advisorId,
            events: { create: [{ toStatus: "SUBMITTED", actorId: viewer!.userId }] },
          },
        });
        await tx.messageThread.create({
          data: {
            affiliateId,
            requestId: request.id,
            subject: input.subject,
            status: "OPEN",
            answerDueOn: dbDate(deadlines.informationDueOn),
            messages: { create: [{ authorId: viewer!.userId, body: input.body }] },
          },
        });
        await attachEvidence(tx, affiliateId, request.id, files);
        return { reference, status: "SUBMITTED" as RequestStatus, requestId: request.id };
      },
      { isolationLevel: "Serializable" },
    ),
  );
  if (affiliate.advisor) {
    const locale = affiliate.advisor.locale;
    const t = serverTranslator(locale);
    await sendEmail({
      to: affiliate.advisor.email,
      subject: t("ss_mail.toAdvisorSubject", { reference: result.reference }),
      text: t("ss_mail.toAdvisorText", { reference: result.reference, memberNumber: affiliate.memberNumber, subject: input.subject, dueOn: formatDate(locale, deadlines.informationDueOn) }),
      template: "message.toAdvisor",
      affiliateId,
      uniqueKey: `question:${result.requestId}`,
    });
  }
  return { reference: result.reference, status: result.status, answerDueOn: deadlines.informationDueOn };
}
