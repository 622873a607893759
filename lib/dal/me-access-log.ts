import "server-only";
import { prisma } from "@/lib/db/client";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";

export type DossierConsultation = { at: string; staffName: string; reason: string | null };

/** Who at the fund opened my dossier, when and why (each staff opening is logged by lib/dal/staff.ts getDossier). */
export async function listMyDossierConsultations(viewer: Viewer | null, limit = 50): Promise<DossierConsultation[]> {
  const affiliateId = ownAffiliateId(viewer);
  const rows = await prisma.auditLog.findMany({
    where: { entity: "Affiliate", entityId: affiliateId, action: "dossier.view" },
    orderBy: { at: "desc" },
    take: limit,
    select: { at: true, reason: true, actor: { select: { name: true } } },
  });
  return rows.map((r) => ({ at: r.at.toISOString(), staffName: r.actor?.name ?? "—", reason: r.reason }));
}

/** Whether a motivated decision letter exists for one of my requests (served by /api/decisions/[requestId]). */
export async function myDecisionLetterRequestId(viewer: Viewer | null, reference: string): Promise<string | null> {
  const affiliateId = ownAffiliateId(viewer);
  const doc = await prisma.document.findFirst({
    where: { kind: "DECISION", request: { reference, affiliateId } },
    select: { requestId: true },
  });
  return doc?.requestId ?? null;
}
