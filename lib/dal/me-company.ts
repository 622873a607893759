import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate, isoDate } from "@/lib/clock";
import { outstandingByCall } from "./affiliate";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";

// A company's view of the joint liability with its directors (DOMAIN.md §1.17): the company answers for its
// directors' social contributions during their mandate (art. 15 §1 AR n°38), and the directors answer for the
// company contribution (art. 98 law of 30 December 1992).

export type CompanyDirectorView = { name: string; fromOn: string; toOn: string | null; affiliatedHere: boolean; openDebtCents: number | null };

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
