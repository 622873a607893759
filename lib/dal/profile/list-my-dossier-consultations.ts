import "server-only";
import { prisma } from "@/lib/db/client";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { type DossierConsultation } from "@/lib/dto/account";

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
