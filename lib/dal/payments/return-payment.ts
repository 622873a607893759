import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";

/** Sends an UNMATCHED payment back to the payer: RETURNED, with the reason in the audit trail. */
export async function returnPayment(viewer: Viewer | null, input: { paymentId: string; reason: string }): Promise<void> {
  assertPermission(viewer, "payment:reconcile");
  await prisma.$transaction(async (tx) => {
    const updated = await tx.payment.updateMany({ where: { id: input.paymentId, status: "UNMATCHED" }, data: { status: "RETURNED" } });
    if (updated.count !== 1) throw new NotFoundError("payment");
    const p = await tx.payment.findUniqueOrThrow({ where: { id: input.paymentId } });
    await tx.auditLog.create({
      data: { actorId: viewer.userId, action: "payment.return", entity: "Payment", entityId: p.id, reason: input.reason, details: { amountCents: p.amountCents, counterpartyIban: p.counterpartyIban } },
    });
  });
}
