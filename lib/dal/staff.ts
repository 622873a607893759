import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { assertPermission, NotFoundError, type Viewer } from "@/lib/auth/viewer";
import type { AffiliateKind, AffiliationStatus, Category, Locale } from "@/lib/generated/prisma/enums";
import { currentCategory, outstandingByCall, toLedgerLine, type LedgerLine } from "./affiliate";

// Staff-side reads. Every function checks the viewer's permission first; a missing record is a NotFoundError.

export type DossierHit = {
  id: string;
  memberNumber: string;
  kind: AffiliateKind;
  name: string;
  identifier: string; // NISS or enterprise number, digits only
  city: string;
};

const SEARCH_LIMIT = 25;

/** Finds dossiers by national register number, enterprise number, member number or name (case- and accent-insensitive prefix). */
export async function searchDossiers(viewer: Viewer | null, rawQuery: string): Promise<DossierHit[]> {
  assertPermission(viewer, "dossier:search");
  const query = rawQuery.trim();
  if (query.length < 2) return [];
  const digits = query.replace(/[\s./-]/g, "");
  const select = {
    id: true,
    memberNumber: true,
    kind: true,
    person: { select: { firstName: true, lastName: true, niss: true, city: true } },
    company: { select: { name: true, enterpriseNumber: true, city: true } },
  } as const;
  let rows;
  if (/^\d{11}$/.test(digits)) {
    rows = await prisma.affiliate.findMany({ where: { person: { niss: digits } }, select, take: SEARCH_LIMIT });
  } else if (/^(BE)?\d{9,10}$/i.test(digits)) {
    const number = digits.replace(/^BE/i, "").padStart(10, "0");
    rows = await prisma.affiliate.findMany({
      where: { OR: [{ company: { enterpriseNumber: number } }, { memberNumber: digits }] },
      select,
      take: SEARCH_LIMIT,
    });
  } else {
    const words = query.split(/\s+/).filter(Boolean).slice(0, 3);
    rows = await prisma.affiliate.findMany({
      where: {
        OR: [
          { memberNumber: query },
          { AND: words.map((w) => ({ person: { OR: [{ lastName: { startsWith: w, mode: "insensitive" as const } }, { firstName: { startsWith: w, mode: "insensitive" as const } }] } })) },
          { company: { name: { contains: query, mode: "insensitive" } } },
        ],
      },
      select,
      orderBy: { memberNumber: "asc" },
      take: SEARCH_LIMIT,
    });
  }
  return rows.map((r) => ({
    id: r.id,
    memberNumber: r.memberNumber,
    kind: r.kind,
    name: r.person ? `${r.person.lastName}, ${r.person.firstName}` : (r.company?.name ?? ""),
    identifier: r.person?.niss ?? r.company?.enterpriseNumber ?? "",
    city: r.person?.city ?? r.company?.city ?? "",
  }));
}

export type DossierView = {
  id: string;
  memberNumber: string;
  kind: AffiliateKind;
  language: Locale;
  advisorName: string | null;
  person: { firstName: string; lastName: string; niss: string; birthDate: string; email: string | null; phone: string | null; address: string } | null;
  company: { name: string; enterpriseNumber: string; legalForm: string; createdOn: string; address: string } | null;
  category: Category | null;
  affiliations: { id: string; startOn: string; endOn: string | null; status: AffiliationStatus; periods: { category: Category; fromOn: string; toOn: string | null; primoStarterUntil: string | null }[] }[];
  balanceCents: number;
  calls: { id: string; year: number; quarter: number; kind: string; totalCents: number; outstandingCents: number; dueOn: string }[];
  ledger: LedgerLine[];
};

/** Opens a dossier for a staff member and records the consultation (who, when, why) in the audit log. */
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
  await prisma.auditLog.create({
    data: { actorId: viewer.userId, action: "dossier.view", entity: "Affiliate", entityId: affiliateId, reason },
  });
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

export type ManagerOverview = {
  affiliatesByCategory: { category: Category; count: number }[];
  companies: number;
  openRequestsByType: { type: string; count: number }[];
  openRequests: number;
};

const OPEN_STATUSES = ["SUBMITTED", "IN_REVIEW", "INFORMATION_REQUESTED", "AWAITING_SECOND_APPROVAL", "FORWARDED"] as const;

/** Counts for the manager home: active affiliates per current category, companies, open requests per type. */
export async function getManagerOverview(viewer: Viewer | null, today: string): Promise<ManagerOverview> {
  assertPermission(viewer, "dashboard:read");
  const [byCategory, companies, requests] = await Promise.all([
    prisma.$queryRaw<{ category: Category; count: bigint }[]>`
      SELECT p.category, COUNT(DISTINCT f."affiliateId")::bigint AS count
      FROM "CategoryPeriod" p JOIN "Affiliation" f ON f.id = p."affiliationId"
      WHERE f.status = 'ACTIVE' AND p."fromOn" <= ${today}::date AND (p."toOn" IS NULL OR p."toOn" >= ${today}::date)
      GROUP BY p.category ORDER BY p.category`,
    prisma.affiliate.count({ where: { kind: "COMPANY" } }),
    prisma.request.groupBy({ by: ["type"], where: { status: { in: [...OPEN_STATUSES] } }, _count: { _all: true }, orderBy: { type: "asc" } }),
  ]);
  const openRequestsByType = requests.map((r) => ({ type: r.type, count: r._count._all }));
  return {
    affiliatesByCategory: byCategory.map((r) => ({ category: r.category, count: Number(r.count) })),
    companies,
    openRequestsByType,
    openRequests: openRequestsByType.reduce((s, r) => s + r.count, 0),
  };
}
