import "server-only";
import { prisma } from "@/lib/db/client";
import { logStaffReads } from "@/lib/dal/internal/access-log";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { classifySearch } from "@/lib/domain/classify-search";
import { type DossierHit } from "@/lib/dto/dossiers";
import { NAME_KEY_SIMILARITY, NAME_SIMILARITY } from "@/lib/dal/internal/search";

const SEARCH_LIMIT = 25;

const hitSelect = {
  id: true,
  memberNumber: true,
  kind: true,
  person: { select: { firstName: true, lastName: true, niss: true, city: true } },
  company: { select: { name: true, enterpriseNumber: true, city: true } },
} as const;

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
  const found = unique.map((id) => byId.get(id)).filter((r): r is NonNullable<typeof r> => !!r);
  // each person shown in the results is a read of their data (their name, number and town)
  await logStaffReads(viewer, found.map((r) => ({ affiliateId: r.id, action: "search.result" as const, entity: "Affiliate", entityId: r.id, reason: "search" })));
  return found
    .map((r) => ({
      id: r.id,
      memberNumber: r.memberNumber,
      kind: r.kind,
      name: r.person ? `${r.person.lastName}, ${r.person.firstName}` : (r.company?.name ?? ""),
      identifier: r.person?.niss ?? r.company?.enterpriseNumber ?? "",
      city: r.person?.city ?? r.company?.city ?? "",
    }));
}
