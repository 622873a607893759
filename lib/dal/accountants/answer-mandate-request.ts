import "server-only";
import { prisma } from "@/lib/db/client";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError, refused } from "@/lib/errors";
import { serverTranslator } from "@/lib/i18n/translator";
import { isLocale } from "@/lib/i18n/config";
import { deliverNotices } from "@/lib/dal/internal/deliver-notices";
import { clientSelect, displayName } from "@/lib/dal/internal/accountant-mandates";

/** The affiliate accepts or refuses an accountant's request for a mandate; the accountant is told by e-mail. Only a
 *  request still waiting can be answered (a second click, or an answer after a revocation, is refused). */
export async function answerMandateRequest(viewer: Viewer | null, id: string, answer: "accept" | "refuse"): Promise<void> {
  const affiliateId = ownAffiliateId(viewer, "self");
  const m = await prisma.accountantMandate.findFirst({
    where: { id, affiliateId },
    select: { id: true, accountantId: true, accountant: { select: { email: true, locale: true } }, affiliate: { select: clientSelect } },
  });
  if (!m) throw new NotFoundError("mandate");
  const status = answer === "accept" ? "ACTIVE" : "REFUSED";
  const key = `accountant-mandate:${id}:${status}`;
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.accountantMandate.updateMany({ where: { id, status: "REQUESTED" }, data: { status, decidedAt: new Date() } });
    if (count !== 1) throw refused("mandateNotWaiting");
    await tx.auditLog.create({ data: { actorId: viewer!.userId, action: `accountant-mandate.${answer}`, entity: "AccountantMandate", entityId: id, affiliateId, details: { accountantId: m.accountantId } } });
    const t = serverTranslator(isLocale(m.accountant.locale) ? m.accountant.locale : "fr", "acc_mail");
    const client = displayName(m.affiliate);
    await tx.outboundEmail.create({
      data: {
        to: m.accountant.email,
        subject: t(`${answer}.subject`, { client }),
        text: t(`${answer}.body`, { client, link: `${(process.env.NEXTAUTH_URL ?? "").replace(/\/$/, "")}/portfolio` }),
        template: `accountant-mandate.${answer}`,
        uniqueKey: key,
      },
    });
  });
  await deliverNotices([key]);
}
