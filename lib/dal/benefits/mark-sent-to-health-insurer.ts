import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";

/** "Data sent to the health insurer" for one payment: stamped once, audited. */
export async function markSentToHealthInsurer(viewer: Viewer | null, input: { paymentId: string }): Promise<{ changed: boolean; claimId: string }> {
  assertPermission(viewer, "request:decide");
  const p = await prisma.benefitPayment.findUnique({ where: { id: input.paymentId }, select: { id: true, claimId: true } });
  if (!p) throw new NotFoundError("payment");
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.benefitPayment.updateMany({ where: { id: p.id, sentToHealthInsurerAt: null }, data: { sentToHealthInsurerAt: new Date() } });
    if (count === 1) await tx.auditLog.create({ data: { actorId: viewer.userId, action: "benefit.sentToHealthInsurer", entity: "BenefitPayment", entityId: p.id, details: { claimId: p.claimId } } });
    return { changed: count === 1, claimId: p.claimId };
  });
}
