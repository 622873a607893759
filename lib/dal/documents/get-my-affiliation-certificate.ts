import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { holderOf } from "@/lib/dal/internal/documents";
import { loadFund } from "@/lib/dal/internal/reference-data";
import { type AffiliationCertificate } from "@/lib/dto/documents";

export async function getMyAffiliationCertificate(viewer: Viewer | null, today: string): Promise<AffiliationCertificate> {
  const affiliateId = ownAffiliateId(viewer);
  const affs = await prisma.affiliation.findMany({ where: { affiliateId }, orderBy: { startOn: "asc" }, include: { periods: { orderBy: { fromOn: "asc" } } } });
  return {
    issuedOn: today,
    holder: await holderOf(affiliateId),
    fund: await loadFund(prisma).then(({ name, address, phone, email }) => ({ name, address, phone, email })),
    affiliations: affs.map((a) => ({
      startOn: isoDate(a.startOn),
      endOn: a.endOn ? isoDate(a.endOn) : null,
      status: a.status,
      periods: a.periods.map((p) => ({ category: p.category, fromOn: isoDate(p.fromOn), toOn: p.toOn ? isoDate(p.toOn) : null })),
    })),
  };
}
