import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate, isoDate } from "@/lib/clock";
import { outstandingByCall } from "@/lib/dal/internal/owed";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { type CompanyDirectorView } from "@/lib/dto/account";

/** The directors of the caller's company; an affiliate that is not a company gets null. */
export async function getMyCompanyDirectors(viewer: Viewer | null, today: string): Promise<CompanyDirectorView[] | null> {
  const affiliateId = ownAffiliateId(viewer);
  const me = await prisma.affiliate.findUnique({ where: { id: affiliateId }, select: { companyId: true } });
  if (!me?.companyId) return null;
  const directors = await prisma.companyDirector.findMany({
    where: { companyId: me.companyId },
    orderBy: { fromOn: "asc" },
    select: { fromOn: true, toOn: true, person: { select: { firstName: true, lastName: true, affiliate: { select: { id: true } } } } },
  });
  const result: CompanyDirectorView[] = [];
  for (const d of directors) {
    const directorDossier = d.person.affiliate?.id ?? null;
    // the overdue part of a director's account is what the company may be asked to pay
    let overdueCents: number | null = null;
    if (directorDossier) {
      const [outstanding, due] = await Promise.all([
        outstandingByCall(directorDossier),
        prisma.contributionCall.findMany({ where: { affiliateId: directorDossier, dueOn: { lt: dbDate(today) } }, select: { id: true } }),
      ]);
      overdueCents = due.reduce((sum, c) => sum + Math.max(0, outstanding.get(c.id) ?? 0), 0);
    }
    result.push({
      name: `${d.person.firstName} ${d.person.lastName}`,
      fromOn: isoDate(d.fromOn),
      toOn: d.toOn ? isoDate(d.toOn) : null,
      affiliatedHere: directorDossier !== null,
      openDebtCents: overdueCents,
    });
  }
  return result;
}
