import "server-only";
import { prisma } from "@/lib/db/client";
import { logStaffRead } from "@/lib/dal/internal/access-log";
import { isoDate } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { currentCategory } from "@/lib/dal/internal/dossier";
import { outstandingByCall } from "@/lib/dal/internal/owed";
import { toLedgerLine } from "@/lib/dal/internal/calls";
import { type DossierView } from "@/lib/dto/dossiers";

/** Opens a dossier for a staff member and records the consultation (who, when, why) in the audit log. */
/** How long one visit of a dossier lasts for the access log: the same staff member's views within it are one consultation. */
export const DOSSIER_VISIT_MS = 15 * 60 * 1000;

export async function getDossier(viewer: Viewer | null, affiliateId: string, today: string, reason = "consultation"): Promise<DossierView> {
  assertPermission(viewer, "dossier:read:any");
  const a = await prisma.affiliate.findUnique({
    where: { id: affiliateId },
    include: {
      person: true,
      company: true,
      advisor: { select: { name: true } },
      affiliations: { orderBy: { startOn: "desc" }, include: { periods: { orderBy: { fromOn: "asc" } } } },
    },
  });
  if (!a) throw new NotFoundError("dossier");
  const [balance, calls, outstanding, ledger, category] = await Promise.all([
    prisma.ledgerEntry.aggregate({ where: { affiliateId }, _sum: { amountCents: true } }),
    prisma.contributionCall.findMany({ where: { affiliateId }, orderBy: [{ year: "desc" }, { quarter: "desc" }] }),
    outstandingByCall(affiliateId),
    prisma.ledgerEntry.findMany({ where: { affiliateId }, orderBy: { id: "desc" }, take: 200 }),
    currentCategory(affiliateId, today),
  ]);
  // one consultation per visit: the page shown again for the same reason within the visit (an action's refresh, a
  // second tab) is not logged twice; another reason (a phone call after a search) is another consultation (#14)
  const visiting = await prisma.auditLog.findFirst({
    where: { affiliateId, actorId: viewer.userId, action: "dossier.view", reason: reason ?? null, at: { gte: new Date(Date.now() - DOSSIER_VISIT_MS) } },
    select: { id: true },
  });
  if (!visiting) await logStaffRead(viewer, { affiliateId, action: "dossier.view", entity: "Affiliate", entityId: affiliateId, reason });
  return {
    id: a.id,
    memberNumber: a.memberNumber,
    kind: a.kind,
    language: a.language,
    advisorName: a.advisor?.name ?? null,
    person: a.person && {
      firstName: a.person.firstName,
      lastName: a.person.lastName,
      niss: a.person.niss,
      birthDate: isoDate(a.person.birthDate),
      email: a.person.email,
      phone: a.person.phone,
      address: `${a.person.street}, ${a.person.postalCode} ${a.person.city}`,
    },
    company: a.company && {
      name: a.company.name,
      enterpriseNumber: a.company.enterpriseNumber,
      legalForm: a.company.legalForm,
      createdOn: isoDate(a.company.createdOn),
      address: `${a.company.street}, ${a.company.postalCode} ${a.company.city}`,
    },
    category,
    affiliations: a.affiliations.map((f) => ({
      id: f.id,
      startOn: isoDate(f.startOn),
      endOn: f.endOn ? isoDate(f.endOn) : null,
      status: f.status,
      periods: f.periods.map((p) => ({
        category: p.category,
        fromOn: isoDate(p.fromOn),
        toOn: p.toOn ? isoDate(p.toOn) : null,
        primoStarterUntil: p.primoStarterUntil ? isoDate(p.primoStarterUntil) : null,
      })),
    })),
    balanceCents: balance._sum.amountCents ?? 0,
    calls: calls.map((c) => ({
      id: c.id,
      year: c.year,
      quarter: c.quarter,
      kind: c.kind,
      totalCents: c.totalCents,
      outstandingCents: outstanding.get(c.id) ?? 0,
      dueOn: isoDate(c.dueOn),
    })),
    ledger: ledger.map(toLedgerLine),
  };
}
