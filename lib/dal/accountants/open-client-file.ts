import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { liveMandateOf } from "@/lib/dal/internal/accountant-mandates";
import { NotFoundError } from "@/lib/errors";

const VISIT_MS = 15 * 60 * 1000;

/** The accountant opens a client's file from the portfolio: only under a mandate live today (else 404). The client
 *  reads it in "who consulted my file": one line per visit (openings within 15 minutes count once). */
export async function openClientFile(viewer: Viewer | null, affiliateId: string, today: string): Promise<{ affiliateId: string }> {
  assertPermission(viewer, "portfolio:read");
  const mandate = await liveMandateOf(viewer.userId, affiliateId, today);
  if (!mandate) throw new NotFoundError("client");
  const recent = await prisma.auditLog.findFirst({
    where: { actorId: viewer.userId, affiliateId, action: "client-file.view", at: { gte: new Date(Date.now() - VISIT_MS) } },
    select: { id: true },
  });
  if (!recent)
    await prisma.auditLog.create({ data: { actorId: viewer.userId, action: "client-file.view", entity: "Affiliate", entityId: affiliateId, affiliateId, reason: "accountantMandate", details: {} } });
  return { affiliateId };
}
