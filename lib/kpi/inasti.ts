// The INASTI statistics: each figure is one documented SQL query (the same text is in lib/kpi/INASTI.md and in
// the header rows of the exported file; tests/unit/kpi/compute.test.ts keeps them identical).
// Parameters: $1 = the quarter's first day, $2 = its last day (DATE). Money in cents.
export const INASTI_QUERIES = {
  affiliates_active:
    `select cp.category::text as key, count(distinct af."affiliateId")::bigint as value from "Affiliation" af join "CategoryPeriod" cp on cp."affiliationId" = af.id where af."startOn" <= $2 and (af."endOn" is null or af."endOn" >= $2) and cp."fromOn" <= $2 and (cp."toOn" is null or cp."toOn" >= $2) group by 1 order by 1`,
  affiliates_started:
    `select cp.category::text as key, count(distinct af."affiliateId")::bigint as value from "Affiliation" af join "CategoryPeriod" cp on cp."affiliationId" = af.id and cp."fromOn" = af."startOn" where af."startOn" between $1 and $2 group by 1 order by 1`,
  affiliates_ended:
    `select coalesce((select cp.category::text from "CategoryPeriod" cp where cp."affiliationId" = af.id order by cp."fromOn" desc limit 1), '') as key, count(distinct af."affiliateId")::bigint as value from "Affiliation" af where af."endOn" between $1 and $2 group by 1 order by 1`,
  companies_active:
    `select 'COMPANY' as key, count(*)::bigint as value from "Affiliate" a where a.kind = 'COMPANY' and (exists (select 1 from "ContributionCall" c where c."affiliateId" = a.id and c.kind = 'COMPANY' and c.year = extract(year from $2)::int) or exists (select 1 from "Affiliation" af where af."affiliateId" = a.id and af."startOn" <= $2 and (af."endOn" is null or af."endOn" >= $2)))`,
  contributions_called:
    `select c.kind::text as key, sum(c."totalCents")::bigint as value from "ContributionCall" c where c."dueOn" between $1 and $2 group by 1 order by 1`,
  contributions_collected:
    `select c.kind::text as key, sum(pa."amountCents")::bigint as value from "PaymentAllocation" pa join "LedgerEntry" p on p.id = pa."paymentEntryId" join "LedgerEntry" l on l.id = pa."targetEntryId" join "ContributionCall" c on c.id = l."callId" where p."bookedOn" between $1 and $2 group by 1 order by 1`,
  surcharges:
    `select 'SURCHARGE' as key, coalesce(sum(l."amountCents"), 0)::bigint as value from "LedgerEntry" l where l.kind = 'SURCHARGE' and l."bookedOn" between $1 and $2`,
  exemptions_decided:
    `select r.status::text as key, count(*)::bigint as value from "Request" r where r.type = 'EXEMPTION' and r.status in ('ACCEPTED', 'REFUSED', 'FORWARDED') and (r."decidedAt" at time zone 'Europe/Brussels')::date between $1 and $2 group by 1 order by 1`,
  benefits_paid_count:
    `select b.type::text as key, count(*)::bigint as value from "BenefitPayment" p join "BenefitClaim" b on b.id = p."claimId" where p."paidOn" between $1 and $2 group by 1 order by 1`,
  benefits_paid_amount:
    `select b.type::text as key, sum(p."amountCents")::bigint as value from "BenefitPayment" p join "BenefitClaim" b on b.id = p."claimId" where p."paidOn" between $1 and $2 group by 1 order by 1`,
  benefits_interest:
    `select b.type::text as key, sum(p."interestCents")::bigint as value from "BenefitPayment" p join "BenefitClaim" b on b.id = p."claimId" where p."paidOn" between $1 and $2 group by 1 order by 1`,
} as const;

import type { PrismaClient } from "@/lib/generated/prisma/client";

export type InastiFigureId = keyof typeof INASTI_QUERIES;
export const INASTI_FIGURES = Object.keys(INASTI_QUERIES) as InastiFigureId[];
export const INASTI_UNITS: Record<InastiFigureId, "count" | "cents"> = {
  affiliates_active: "count", affiliates_started: "count", affiliates_ended: "count", companies_active: "count",
  contributions_called: "cents", contributions_collected: "cents", surcharges: "cents", exemptions_decided: "count",
  benefits_paid_count: "count", benefits_paid_amount: "cents", benefits_interest: "cents",
};

export function quarterBounds(year: number, quarter: 1 | 2 | 3 | 4): { first: string; last: string } {
  const m = (quarter - 1) * 3 + 1;
  const lastDay = new Date(Date.UTC(year, m + 2, 0)).getUTCDate();
  return { first: `${year}-${String(m).padStart(2, "0")}-01`, last: `${year}-${String(m + 2).padStart(2, "0")}-${lastDay}` };
}

export type InastiFigure = { figure: InastiFigureId; quarter: number; key: string; value: number; unit: "count" | "cents" };

/** Every figure per quarter of `year` (no authorization here: the DAL checks dashboard:read). */
export async function inastiFigures(db: PrismaClient, year: number): Promise<InastiFigure[]> {
  const out: InastiFigure[] = [];
  for (const quarter of [1, 2, 3, 4] as const) {
    const { first, last } = quarterBounds(year, quarter);
    for (const figure of INASTI_FIGURES) {
      // typed parameters; the wrapper types $1/$2 even when a query uses only one of them
      const sql = `select key, value from (${INASTI_QUERIES[figure].replaceAll("$1", "$1::date").replaceAll("$2", "$2::date")}) q where $1::date <= $2::date`;
      const rows = await db.$queryRawUnsafe<{ key: string; value: bigint | null }[]>(sql, first, last);
      for (const r of rows) out.push({ figure, quarter, key: r.key, value: Number(r.value ?? 0), unit: INASTI_UNITS[figure] });
    }
  }
  return out;
}
