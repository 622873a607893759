// The files the fund owes other institutions (issue #18 part 6), built as CSV (semicolon-separated, UTF-8, one header
// line; dates ISO and amounts in euros with a dot, as a machine reads them) with the client the caller hands over:
//  - the mutuality: the data of every benefit payment not yet sent to the health insurer nor in a prepared file,
//    due MUTUALITY_DUE_DAYS after the oldest payment it carries (the fund's policy);
//  - INASTI: the career data of a year, the quarters of provisional contributions paid in full by a PAYMENT (the
//    money the tax certificate counts) for every self-employed person called that year, due by INASTI_DUE
//    (31 March) of the year after (the fund's policy);
//  - the mutuality again: the incapacity attestation of every illness assimilation accepted and not yet in a prepared
//    file (the incapacity's start, the quarters assimilated, and whether the quarter before them was paid in full
//    by PAYMENTs), due MUTUALITY_DUE_DAYS after the oldest acceptance it carries.
// No "server-only" here: a job may prepare them too.
import { addDays, quarterFromIndex } from "@/lib/domain";
import { isoDate } from "@/lib/clock";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

type Db = Prisma.TransactionClient | PrismaClient;

export const MUTUALITY_DUE_DAYS = 30;
export const INASTI_DUE = "03-31";

export type PreparedFile = { period: string; fileName: string; content: Buffer; itemCount: number; dueOn: string; paymentIds: string[]; requestIds?: string[] };

const euros = (cents: number) => (cents / 100).toFixed(2);
const csv = (lines: (string | number)[][]) => Buffer.from(lines.map((l) => l.join(";")).join("\r\n") + "\r\n", "utf8");

/** The mutuality file of `today`, or null when no payment waits. */
export async function mutualityFile(db: Db, today: string): Promise<PreparedFile | null> {
  const rows = await db.benefitPayment.findMany({
    where: { sentToHealthInsurerAt: null, transmissionId: null },
    orderBy: [{ paidOn: "asc" }, { id: "asc" }],
    include: { claim: { select: { type: true, affiliate: { select: { memberNumber: true, person: { select: { niss: true } } } } } } },
  });
  if (rows.length === 0) return null;
  const lines: (string | number)[][] = [["payment", "niss", "member_number", "benefit", "paid_on", "amount_eur", "interest_eur"]];
  for (const p of rows)
    lines.push([p.id, p.claim.affiliate.person?.niss ?? "", p.claim.affiliate.memberNumber, p.claim.type, isoDate(p.paidOn), euros(p.amountCents), euros(p.interestCents)]);
  return {
    period: today,
    fileName: `mutualite-paiements-${today}.csv`,
    content: csv(lines),
    itemCount: rows.length,
    dueOn: addDays(isoDate(rows[0].paidOn), MUTUALITY_DUE_DAYS),
    paymentIds: rows.map((p) => p.id),
  };
}

/** The INASTI career file of `year`, or null when nobody was called that year. */
export async function inastiCareerFile(db: Db, year: number): Promise<PreparedFile | null> {
  const rows = await db.$queryRaw<{ niss: string; memberNumber: string; quarter: number; due: bigint; paid: bigint }[]>`
    SELECT pe.niss, a."memberNumber", c.quarter, SUM(e."amountCents")::bigint AS due,
      COALESCE(SUM((SELECT SUM(al."amountCents") FROM "PaymentAllocation" al JOIN "LedgerEntry" p ON p.id = al."paymentEntryId"
                    WHERE al."targetEntryId" = e.id AND p.kind = 'PAYMENT')), 0)::bigint AS paid
    FROM "ContributionCall" c
    JOIN "Affiliate" a ON a.id = c."affiliateId"
    JOIN "Person" pe ON pe.id = a."personId"
    JOIN "LedgerEntry" e ON e."callId" = c.id AND e.kind = 'CALL'
    WHERE c.year = ${year} AND c.kind = 'PROVISIONAL' AND c.quarter BETWEEN 1 AND 4
    GROUP BY 1, 2, 3 ORDER BY 2, 3`;
  if (rows.length === 0) return null;
  const byPerson = new Map<string, { niss: string; memberNumber: string; quarters: number[] }>();
  for (const r of rows) {
    const person = byPerson.get(r.memberNumber) ?? { niss: r.niss, memberNumber: r.memberNumber, quarters: [] };
    if (r.due > 0n && r.paid >= r.due) person.quarters.push(r.quarter);
    byPerson.set(r.memberNumber, person);
  }
  const lines: (string | number)[][] = [["niss", "member_number", "year", "quarters_paid", "quarter_count"]];
  for (const p of byPerson.values()) lines.push([p.niss, p.memberNumber, year, p.quarters.join(" "), p.quarters.length]);
  return { period: String(year), fileName: `inasti-carriere-${year}.csv`, content: csv(lines), itemCount: byPerson.size, dueOn: `${year + 1}-${INASTI_DUE}`, paymentIds: [] };
}

const quarterText = (index: number | null) => {
  if (index === null) return "";
  const q = quarterFromIndex(index);
  return `${q.year}-Q${q.quarter}`;
};

/**
 * The incapacity attestations of `today`, or null when no accepted assimilation waits. The quarter before the first
 * assimilated one counts as paid in full when its provisional call's CALL entries are covered by PAYMENT allocations
 * (as for INASTI), or when nothing was called for it (the rule the decision applied: nothing asked, nothing unpaid).
 */
export async function incapacityFile(db: Db, today: string): Promise<PreparedFile | null> {
  const rows = await db.$queryRaw<
    { id: string; reference: string; niss: string | null; memberNumber: string; incapacityStartOn: string | null; firstIndex: number | null; lastIndex: number | null; acceptedOn: string; due: bigint; paid: bigint }[]
  >`
    WITH r AS (
      SELECT r.id, r.reference, r."affiliateId", r.payload->>'incapacityStartOn' AS "incapacityStartOn",
        (r.payload->>'firstQuarterIndex')::int AS "firstIndex", (r.payload->>'lastQuarterIndex')::int AS "lastIndex",
        to_char((COALESCE(r."decidedAt", r."updatedAt") AT TIME ZONE 'Europe/Brussels')::date, 'YYYY-MM-DD') AS "acceptedOn"
      FROM "Request" r
      WHERE r.type = 'ILLNESS_ASSIMILATION' AND r.status = 'ACCEPTED' AND r."incapacityTransmissionId" IS NULL AND r."affiliateId" IS NOT NULL)
    SELECT r.id, r.reference, pe.niss, a."memberNumber", r."incapacityStartOn", r."firstIndex", r."lastIndex", r."acceptedOn",
      COALESCE(SUM(e."amountCents"), 0)::bigint AS due,
      COALESCE(SUM((SELECT SUM(al."amountCents") FROM "PaymentAllocation" al JOIN "LedgerEntry" p ON p.id = al."paymentEntryId"
                    WHERE al."targetEntryId" = e.id AND p.kind = 'PAYMENT')), 0)::bigint AS paid
    FROM r
    JOIN "Affiliate" a ON a.id = r."affiliateId"
    LEFT JOIN "Person" pe ON pe.id = a."personId"
    LEFT JOIN "ContributionCall" c ON c."affiliateId" = r."affiliateId" AND c.kind = 'PROVISIONAL' AND c.year * 4 + c.quarter - 1 = r."firstIndex" - 1
    LEFT JOIN "LedgerEntry" e ON e."callId" = c.id AND e.kind = 'CALL'
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY r."acceptedOn", r.id`;
  if (rows.length === 0) return null;
  const lines: (string | number)[][] = [["request", "niss", "member_number", "incapacity_start", "first_quarter", "last_quarter", "quarter_before", "quarter_before_paid"]];
  for (const r of rows) {
    const before = r.firstIndex === null ? null : r.firstIndex - 1;
    lines.push([r.reference, r.niss ?? "", r.memberNumber, r.incapacityStartOn ?? "", quarterText(r.firstIndex), quarterText(r.lastIndex), quarterText(before), r.paid >= r.due ? 1 : 0]);
  }
  return {
    period: today,
    fileName: `mutualite-incapacites-${today}.csv`,
    content: csv(lines),
    itemCount: rows.length,
    dueOn: addDays(rows[0].acceptedOn, MUTUALITY_DUE_DAYS),
    paymentIds: [],
    requestIds: rows.map((r) => r.id),
  };
}
