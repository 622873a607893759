import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { allocateToAffiliate } from "@/lib/dal/internal/allocation";
import { iso } from "@/lib/dal/internal/payments";

/** Matches an UNMATCHED payment to a dossier's call: the payment gets its dossier, a PAYMENT ledger entry and the
 *  domain's allocation (preferring that call), exactly as a matched CODA credit. */
export async function matchPayment(viewer: Viewer | null, input: { paymentId: string; callId: string }): Promise<{ allocatedCents: number; unallocatedCents: number }> {
  assertPermission(viewer, "payment:reconcile");
  return prisma.$transaction(async (tx) => {
    const call = await tx.contributionCall.findUnique({ where: { id: input.callId } });
    if (!call) throw new NotFoundError("call");
    // the status guard makes two staff members matching the same payment at once harmless
    const claimed = await tx.payment.updateMany({ where: { id: input.paymentId, status: "UNMATCHED" }, data: { status: "MATCHED", affiliateId: call.affiliateId } });
    if (claimed.count !== 1) throw new NotFoundError("payment");
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: input.paymentId } });
    const result = await allocateToAffiliate(tx, { paymentId: payment.id, affiliateId: call.affiliateId, amountCents: payment.amountCents, valueOn: iso(payment.valueOn), callId: call.id, createdById: viewer.userId });
    await tx.auditLog.create({
      data: { actorId: viewer.userId, action: "payment.match", entity: "Payment", entityId: payment.id, details: { callId: call.id, affiliateId: call.affiliateId, amountCents: payment.amountCents, ...result } },
    });
    return result;
  });
}
