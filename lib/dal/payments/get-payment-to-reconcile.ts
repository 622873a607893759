import "server-only";
import { prisma } from "@/lib/db/client";
import { logStaffRead } from "@/lib/dal/internal/access-log";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { type PaymentToReconcile } from "@/lib/dto/payments";
import { iso } from "@/lib/dal/internal/payments";

/** A payment of the reconciliation queue, waiting or already handled (an advisor who has just matched it, or who
 *  follows an old link, sees that it was handled rather than a "not found"). */
export async function getPaymentToReconcile(viewer: Viewer | null, paymentId: string): Promise<PaymentToReconcile> {
  assertPermission(viewer, "payment:reconcile");
  const p = await prisma.payment.findUnique({ where: { id: paymentId } });
  if (!p) throw new NotFoundError("payment");
  await logStaffRead(viewer, { affiliateId: p.affiliateId, action: "payment.view", entity: "Payment", entityId: p.id, reason: "payment" });
  return { id: p.id, status: p.status, amountCents: p.amountCents, valueOn: iso(p.valueOn), counterpartyName: p.counterpartyName, counterpartyIban: p.counterpartyIban, communication: p.communication, source: p.source };
}
