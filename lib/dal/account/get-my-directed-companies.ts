import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate } from "@/lib/clock";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";

export type DirectedCompany = { affiliateId: string; name: string };

/** The companies affiliated here that the caller (a person's dossier) directs today, by name: their dossiers open
 *  through an eID sign-in (lib/auth/fas/resolve.ts reaches the same ones). A company's own dossier gets none. */
export async function getMyDirectedCompanies(viewer: Viewer | null, today: string): Promise<DirectedCompany[]> {
  const affiliateId = ownAffiliateId(viewer);
  const me = await prisma.affiliate.findUnique({ where: { id: affiliateId }, select: { personId: true } });
  if (!me?.personId) return [];
  const day = dbDate(today);
  const rows = await prisma.companyDirector.findMany({
    where: { personId: me.personId, fromOn: { lte: day }, OR: [{ toOn: null }, { toOn: { gte: day } }], company: { affiliate: { isNot: null } } },
    select: { company: { select: { name: true, affiliate: { select: { id: true } } } } },
  });
  const byId = new Map<string, DirectedCompany>();
  for (const r of rows) if (r.company.affiliate) byId.set(r.company.affiliate.id, { affiliateId: r.company.affiliate.id, name: r.company.name });
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, "fr"));
}

/** Records the caller's choice to open a company dossier they direct at their next eID sign-in; a company they do
 *  not direct is a "not found". */
export async function chooseDirectedCompany(viewer: Viewer | null, companyAffiliateId: string, today: string, remember: (affiliateId: string) => Promise<void>): Promise<void> {
  const companies = await getMyDirectedCompanies(viewer, today);
  if (!companies.some((c) => c.affiliateId === companyAffiliateId)) throw new NotFoundError("company");
  await remember(companyAffiliateId);
}
