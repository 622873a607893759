import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { assertPermission, NotFoundError, type Viewer } from "@/lib/auth/viewer";
import type { AffiliateKind, AffiliationStatus, Category, Locale } from "@/lib/generated/prisma/enums";
import { currentCategory, outstandingByCall, toLedgerLine, type LedgerLine } from "./affiliate";
import { classifySearch } from "@/lib/backoffice/search-query";
import { mergeTimeline, type TimelineEntry } from "@/lib/backoffice/dossier";

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

const hitSelect = {
  id: true,
  memberNumber: true,
  kind: true,
  person: { select: { firstName: true, lastName: true, niss: true, city: true } },
  company: { select: { name: true, enterpriseNumber: true, city: true } },
} as const;

/** Trigram threshold of the typo-tolerant name search (word similarity, pg_trgm). On the surname dictionary (NameKey,
 *  thousands of rows) it can stay low: 0.3 still finds a 4-letter surname with one wrong, missing or doubled letter. */
export const NAME_KEY_SIMILARITY = 0.3;
/** Company names are matched on the companies themselves (GIN on Company.searchName): a stricter threshold. */
export const NAME_SIMILARITY = 0.4;
/** Surnames kept from the dictionary match before looking up the people bearing them. */
const NAME_KEYS = 10;
/** Bearers shown per surname that is only close to what was typed: a mistyped surname is often as close to two or
 *  three real ones, so the first page shows several of them rather than the first one's bearers only. A surname
 *  typed exactly (or one of the words typed) shows its bearers first, up to the whole page. */
const NEAR_BEARERS = 5;

/**
 * Finds dossiers by national register number, enterprise number, member number, structured communication
 * (of a call or a plan instalment), IBAN (refund account, mandate, or a payment's counterparty) or name —
 * typo-tolerant, accent- and case-insensitive, over the trigram indexes on caisse_search_text(...).
 */
export async function searchDossiers(viewer: Viewer | null, rawQuery: string): Promise<DossierHit[]> {
  assertPermission(viewer, "dossier:search");
  const q = classifySearch(rawQuery);
  if (!q) return [];
  let ids: string[];
  switch (q.kind) {
    // identifiers: plain joins on the unique indexes (a relation filter with OR makes the planner scan)
    case "niss":
      ids = (await prisma.$queryRaw<{ id: string }[]>`
        SELECT a.id FROM "Person" p JOIN "Affiliate" a ON a."personId" = p.id WHERE p.niss = ${q.value}`).map((r) => r.id);
      break;
    case "enterprise":
      ids = (await prisma.$queryRaw<{ id: string }[]>`
        SELECT a.id FROM "Company" c JOIN "Affiliate" a ON a."companyId" = c.id WHERE c."enterpriseNumber" = ${q.value}
        UNION SELECT id FROM "Affiliate" WHERE "memberNumber" = ${q.digits}`).map((r) => r.id);
      break;
    case "communication": {
      const [call, inst] = await Promise.all([
        prisma.contributionCall.findUnique({ where: { structuredCommunication: q.value }, select: { affiliateId: true } }),
        prisma.instalment.findUnique({ where: { structuredCommunication: q.value }, select: { plan: { select: { affiliateId: true } } } }),
      ]);
      ids = [call?.affiliateId, inst?.plan.affiliateId].filter((x): x is string => !!x);
      break;
    }
    case "iban": {
      const rows = await prisma.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Affiliate" WHERE "refundIban" = ${q.value}
        UNION SELECT "affiliateId" FROM "DirectDebitMandate" WHERE iban = ${q.value}
        UNION SELECT "affiliateId" FROM "Payment" WHERE "counterpartyIban" = ${q.value} AND "affiliateId" IS NOT NULL
        LIMIT ${SEARCH_LIMIT}`;
      ids = rows.map((r) => r.id);
      break;
    }
    case "name": {
      const term = q.value;
      // People and companies are searched in one batch transaction, each after its own SET LOCAL trigram threshold
      // (no interactive round trips).
      // People: the trigram match runs on the dictionary of distinct surnames (NameKey), once per word typed and
      // once for the whole query, so "Duboiss Julie" and "vandenbroucke" both find their surname; the best
      // surnames for the whole query are kept (a surname typed exactly first), then their bearers are read index-only
      // from (searchLastName, firstName, id) and ranked by the whole name when more than one word was typed; when
      // only a surname was typed and it is not exact, each close surname gives NEAR_BEARERS of its bearers, so that
      // a typo shows the candidate surnames.
      // Companies: GIN on the stored searchName, at the stricter company threshold (a low one makes the index
      // return most companies for a recheck); a member number typed in the box is found here too.
      // score: the trigram similarity of the surname (or company name) to what was typed; rank: of the whole name
      // (surname and first name) for people, the score again for companies; ord: the position in its own list
      type Hit = { id: string; score: number; rank: number; ord: number | bigint };
      // one word typed (a surname): its bearers come in index order (first name), ranking them by the whole name
      // would not change their order and costs a similarity per bearer of each candidate surname
      const oneWord = !/\s/.test(term.trim());
      const [, people, , companies] = await prisma.$transaction([
        prisma.$executeRawUnsafe(`SET LOCAL pg_trgm.word_similarity_threshold = ${NAME_KEY_SIMILARITY}`),
        prisma.$queryRaw<Hit[]>`
          WITH t AS (SELECT caisse_search_text(${term}) AS term),
          candidates AS (
            SELECT DISTINCT x.key FROM t
              CROSS JOIN LATERAL (SELECT w FROM regexp_split_to_table(t.term, '\s+') w UNION SELECT t.term) q
              CROSS JOIN LATERAL (SELECT n.key FROM "NameKey" n WHERE q.w <% n.key ORDER BY word_similarity(q.w, n.key) DESC LIMIT 20) x
             WHERE length(q.w) >= 2),
          keys AS (SELECT c.key, word_similarity(t.term, c.key)::float8 AS score, similarity(t.term, c.key)::float8 AS closeness,
                          c.key = ANY(regexp_split_to_array(t.term, '\s+') || t.term) AS exact
                     FROM candidates c, t ORDER BY exact DESC, score DESC, closeness DESC, c.key LIMIT ${NAME_KEYS})
          SELECT a.id, x.score, word_similarity(t.term, x.key || ' ' || caisse_search_text(x."firstName"))::float8 AS rank, x.ord FROM t, (
             SELECT p.id, p."firstName", k.key, k.score, row_number() OVER (ORDER BY k.exact DESC, k.score DESC, p.rank DESC, k.closeness DESC, k.key, p."firstName", p.id) AS ord
               FROM keys k, t
               CROSS JOIN LATERAL (
                 SELECT p.id, p."firstName", CASE WHEN ${oneWord} THEN 0 ELSE word_similarity(t.term, k.key || ' ' || caisse_search_text(p."firstName")) END::float8 AS rank
                   FROM "Person" p WHERE p."searchLastName" = k.key
                  ORDER BY rank DESC, p."firstName", p.id
                  LIMIT CASE WHEN k.exact OR NOT ${oneWord} THEN ${SEARCH_LIMIT}::int ELSE ${NEAR_BEARERS}::int END) p
              ORDER BY ord LIMIT ${SEARCH_LIMIT}) x
          JOIN "Affiliate" a ON a."personId" = x.id`,
        prisma.$executeRawUnsafe(`SET LOCAL pg_trgm.word_similarity_threshold = ${NAME_SIMILARITY}`),
        prisma.$queryRaw<Hit[]>`
          WITH t AS (SELECT caisse_search_text(${term}) AS term)
          (SELECT a.id, x.score, x.score AS rank, row_number() OVER (ORDER BY x.score DESC, x.id) AS ord FROM (
             SELECT c.id, word_similarity(t.term, c."searchName")::float8 AS score
               FROM "Company" c, t WHERE t.term <% c."searchName"
              ORDER BY score DESC LIMIT ${SEARCH_LIMIT}) x
           JOIN "Affiliate" a ON a."companyId" = x.id)
          UNION ALL
          (SELECT id, 2::float8, 2::float8, 0::bigint FROM "Affiliate" WHERE "memberNumber" = ${term})`,
      ]);
      // best score first, then the best whole name; on a tie people before companies, each in its own order
      ids = [...people.map((h) => ({ ...h, side: 0 })), ...companies.map((h) => ({ ...h, side: 1 }))]
        .sort((x, y) => y.score - x.score || y.rank - x.rank || x.side - y.side || Number(x.ord) - Number(y.ord))
        .slice(0, SEARCH_LIMIT)
        .map((r) => r.id);
      break;
    }
  }
  if (ids.length === 0) return [];
  const unique = [...new Set(ids)];
  const rows = await prisma.affiliate.findMany({ where: { id: { in: unique } }, select: hitSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return unique
    .map((id) => byId.get(id))
    .filter((r): r is NonNullable<typeof r> => !!r)
    .map((r) => ({
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

// ───────────────────────────── back office: the rest of the dossier ─────────────────────────────

export type DossierDetails = {
  links: { kind: "helpingSpouse" | "helpedBy" | "directorOf" | "director"; name: string; affiliateId: string | null }[];
  requests: { id: string; reference: string; type: string; status: string; filedOn: string }[];
  claims: { id: string; type: string; status: string; filedOn: string | null; paymentDueOn: string | null }[];
  recovery: { id: string; status: string; currentStep: string; debtCents: number }[];
  documents: { id: string; kind: string; fileName: string; requestId: string | null; createdAt: string }[];
  threads: { id: string; subject: string; status: string; answerDueOn: string; createdAt: string }[];
  notes: { id: string; authorName: string; body: string; createdAt: string }[];
  accessLog: { at: string; actorName: string; reason: string | null }[];
  timeline: TimelineEntry[];
  advisorId: string | null;
};

/** Links, requests, benefit claims, recovery, documents, messages, notes, the access log and one timeline. */
export async function getDossierDetails(viewer: Viewer | null, affiliateId: string): Promise<DossierDetails> {
  assertPermission(viewer, "dossier:read:any");
  const a = await prisma.affiliate.findUnique({ where: { id: affiliateId }, select: { id: true, personId: true, companyId: true, advisorId: true } });
  if (!a) throw new NotFoundError("dossier");
  const personName = (p: { firstName: string; lastName: string; affiliate: { id: string } | null }) => ({ name: `${p.firstName} ${p.lastName}`, affiliateId: p.affiliate?.id ?? null });
  const pSel = { select: { firstName: true, lastName: true, affiliate: { select: { id: true } } } } as const;
  const [spouseOf, helpedBy, directorOf, directors, requests, claims, recovery, documents, threads, notes, log, ledger, steps] = await Promise.all([
    a.personId ? prisma.helpingSpouseLink.findMany({ where: { spouseId: a.personId }, include: { selfEmployed: pSel } }) : [],
    a.personId ? prisma.helpingSpouseLink.findMany({ where: { selfEmployedId: a.personId }, include: { spouse: pSel } }) : [],
    a.personId ? prisma.companyDirector.findMany({ where: { personId: a.personId }, include: { company: { select: { name: true, affiliate: { select: { id: true } } } } } }) : [],
    a.companyId ? prisma.companyDirector.findMany({ where: { companyId: a.companyId }, include: { person: pSel } }) : [],
    prisma.request.findMany({ where: { affiliateId }, orderBy: { filedOn: "desc" }, select: { id: true, reference: true, type: true, status: true, filedOn: true, updatedAt: true } }),
    prisma.benefitClaim.findMany({ where: { affiliateId }, orderBy: { createdAt: "desc" } }),
    prisma.recoveryCase.findMany({ where: { affiliateId }, orderBy: { openedOn: "desc" } }),
    prisma.document.findMany({ where: { affiliateId }, orderBy: { createdAt: "desc" }, select: { id: true, kind: true, fileName: true, requestId: true, createdAt: true } }),
    prisma.messageThread.findMany({ where: { affiliateId }, orderBy: { createdAt: "desc" } }),
    prisma.dossierNote.findMany({ where: { affiliateId }, orderBy: { createdAt: "desc" } }),
    prisma.auditLog.findMany({ where: { entity: "Affiliate", entityId: affiliateId, action: "dossier.view" }, orderBy: { at: "desc" }, take: 50, include: { actor: { select: { name: true } } } }),
    prisma.ledgerEntry.findMany({ where: { affiliateId }, orderBy: { id: "desc" }, take: 50, select: { id: true, kind: true, bookedOn: true } }),
    prisma.recoveryStep.findMany({ where: { case: { affiliateId } }, orderBy: { on: "desc" }, select: { id: true, kind: true, on: true, caseId: true } }),
  ]);
  const authors = new Map(
    (await prisma.user.findMany({ where: { id: { in: [...new Set(notes.map((n) => n.authorId))] } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  const links: DossierDetails["links"] = [
    ...spouseOf.map((l) => ({ kind: "helpingSpouse" as const, ...personName(l.selfEmployed) })),
    ...helpedBy.map((l) => ({ kind: "helpedBy" as const, ...personName(l.spouse) })),
    ...directorOf.map((d) => ({ kind: "directorOf" as const, name: d.company.name, affiliateId: d.company.affiliate?.id ?? null })),
    ...directors.map((d) => ({ kind: "director" as const, ...personName(d.person) })),
  ];
  const timeline = mergeTimeline(
    requests.map((r) => ({ at: r.updatedAt.toISOString(), kind: "request" as const, params: { reference: r.reference, status: r.status }, href: `/staff/requests/${r.id}` })),
    notes.map((n) => ({ at: n.createdAt.toISOString(), kind: "note" as const, params: { author: authors.get(n.authorId) ?? "" } })),
    documents.map((d) => ({ at: d.createdAt.toISOString(), kind: "document" as const, params: { name: d.fileName } })),
    threads.map((t) => ({ at: t.createdAt.toISOString(), kind: "message" as const, params: { subject: t.subject } })),
    steps.map((s) => ({ at: isoDate(s.on), kind: "recovery" as const, params: { step: s.kind }, href: `/staff/recovery/${s.caseId}` })),
    claims.map((c) => ({ at: c.createdAt.toISOString(), kind: "claim" as const, params: { type: c.type } })),
    ledger.map((e) => ({ at: isoDate(e.bookedOn), kind: "ledger" as const, params: { kind: e.kind } })),
  );
  return {
    links,
    requests: requests.map((r) => ({ id: r.id, reference: r.reference, type: r.type, status: r.status, filedOn: isoDate(r.filedOn) })),
    claims: claims.map((c) => ({ id: c.id, type: c.type, status: c.status, filedOn: c.filedOn ? isoDate(c.filedOn) : null, paymentDueOn: c.paymentDueOn ? isoDate(c.paymentDueOn) : null })),
    recovery: recovery.map((c) => ({ id: c.id, status: c.status, currentStep: c.currentStep, debtCents: c.debtCents })),
    documents: documents.map((d) => ({ id: d.id, kind: d.kind, fileName: d.fileName, requestId: d.requestId, createdAt: d.createdAt.toISOString() })),
    threads: threads.map((t) => ({ id: t.id, subject: t.subject, status: t.status, answerDueOn: isoDate(t.answerDueOn), createdAt: t.createdAt.toISOString() })),
    notes: notes.map((n) => ({ id: n.id, authorName: authors.get(n.authorId) ?? "", body: n.body, createdAt: n.createdAt.toISOString() })),
    accessLog: log.map((l) => ({ at: l.at.toISOString(), actorName: l.actor?.name ?? "", reason: l.reason })),
    timeline,
    advisorId: a.advisorId,
  };
}

/** An internal note on a dossier (never shown to the affiliate). */
export async function addDossierNote(viewer: Viewer | null, input: { affiliateId: string; body: string }): Promise<{ id: string }> {
  assertPermission(viewer, "dossier:read:any");
  const a = await prisma.affiliate.findUnique({ where: { id: input.affiliateId }, select: { id: true } });
  if (!a) throw new NotFoundError("dossier");
  const note = await prisma.dossierNote.create({ data: { affiliateId: a.id, authorId: viewer.userId, body: input.body } });
  return { id: note.id };
}
