// Company contribution calls for a year: amount by the balance-sheet total of year N-2 (domain
// companyContribution), due by companyContributionDueDate; one call per company and year (quarter 0), set-based
// and idempotent through the (affiliate, year, quarter, kind) unique key. The 1 %-per-month late rule is charged
// by the surcharges job.
import { companyContribution, companyContributionDueDate } from "@/lib/domain";
import { loadParameters } from "@/lib/dal/internal/reference-data";
import { jsonRows } from "./sql";
import { JobRefusal, type JobContext, type JobDefinition, type JobResult } from "./types";

export interface CompanyParams extends Record<string, string | number | boolean | undefined> {
  year: number;
}

export function companyCommunication(memberNumber: string, year: number): string | null {
  if (!/^\d{1,6}$/.test(memberNumber)) return null;
  const ten = `${String(year).slice(2)}03${memberNumber.padStart(6, "0")}`;
  return ten + String(Number(ten) % 97 || 97).padStart(2, "0");
}

export async function runCompanyCalls(ctx: JobContext, params: CompanyParams): Promise<JobResult> {
  const { prisma } = ctx;
  const year = params.year;
  const p = await loadParameters(prisma, year);
  const companies = await prisma.$queryRawUnsafe<{ id: string; memberNumber: string; createdOn: Date; sheet: bigint | null }[]>(
    `SELECT a.id, a."memberNumber", co."createdOn",
       (SELECT bs."balanceSheetTotalCents" FROM "CompanyBalanceSheet" bs WHERE bs."companyId" = co.id AND bs.year <= $1::int - 2
         ORDER BY bs.year DESC LIMIT 1) AS sheet
     FROM "Affiliate" a JOIN "Company" co ON co.id = a."companyId"
     WHERE a.kind = 'COMPANY' AND co."createdOn" <= make_date($1::int, 12, 31)
       AND NOT EXISTS (SELECT 1 FROM "ContributionCall" c WHERE c."affiliateId" = a.id AND c.year = $1::int AND c.kind = 'COMPANY')
     ORDER BY a.id`,
    year,
  );
  const counts = { subjects: companies.length, created: 0, skippedExisting: 0, rejected: 0 };
  const details: Record<string, { count: number; totalCents: number }> = {};
  const errors: NonNullable<JobResult["errors"]> = [];
  const rows: Record<string, unknown>[] = [];
  for (const c of companies) {
    const communication = companyCommunication(c.memberNumber, year);
    if (!communication) {
      counts.rejected++;
      errors.push({ code: "call.memberNumberNotNumeric", params: { affiliateId: c.id } });
      continue;
    }
    const r = companyContribution({ year, balanceSheetTotalCents: c.sheet === null ? null : Number(c.sheet) }, p);
    const dueOn = companyContributionDueDate({ year, incorporatedOn: c.createdOn.toISOString().slice(0, 10) });
    const d = (details[r.band] ??= { count: 0, totalCents: 0 });
    d.count++;
    d.totalCents += r.amountCents;
    rows.push({
      id: `company-${c.memberNumber}-${year}`, affiliateId: c.id, kind: "COMPANY", year, quarter: 0,
      contributionCents: r.amountCents, managementFeeCents: 0, totalCents: r.amountCents,
      structuredCommunication: communication, issuedOn: ctx.today, dueOn, breakdown: r.breakdown, jobRunId: ctx.jobRunId,
      createdAt: new Date().toISOString(),
    });
  }
  let totalCents = 0;
  if (ctx.dryRun) {
    counts.created = rows.length;
    totalCents = rows.reduce((s, r) => s + (r.totalCents as number), 0);
  } else {
    for (let i = 0; i < rows.length; i += 5000) {
      const chunk = rows.slice(i, i + 5000);
      const [res] = await prisma.$queryRawUnsafe<{ n: number; total: bigint | null }[]>(
        `WITH src AS (SELECT * FROM json_populate_recordset(NULL::"ContributionCall", $1::json)),
         ins AS (
           INSERT INTO "ContributionCall" (id, "affiliateId", kind, year, quarter, "contributionCents", "managementFeeCents", "totalCents",
             "structuredCommunication", "issuedOn", "dueOn", breakdown, "jobRunId", "createdAt")
           SELECT id, "affiliateId", kind, year, quarter, "contributionCents", "managementFeeCents", "totalCents",
             "structuredCommunication", "issuedOn", "dueOn", breakdown, "jobRunId", "createdAt" FROM src
           ON CONFLICT DO NOTHING RETURNING id, "affiliateId", "totalCents", "issuedOn", year),
         led AS (
           INSERT INTO "LedgerEntry" ("affiliateId", kind, "amountCents", "bookedOn", "callId", "reasonCode", "reasonParams", "uniqueKey")
           SELECT "affiliateId", 'CALL'::"LedgerKind", "totalCents", "issuedOn", id, 'call.company', jsonb_build_object('year', year), 'call:' || id || ':principal'
           FROM ins RETURNING 1)
         SELECT (SELECT count(*)::int FROM ins) AS n, (SELECT sum("totalCents")::bigint FROM ins) AS total, (SELECT count(*) FROM led) AS l`,
        jsonRows(chunk),
      );
      counts.created += res.n;
      counts.skippedExisting += chunk.length - res.n;
      totalCents += Number(res.total ?? 0);
      await ctx.progress(((i + chunk.length) / rows.length) * 1000);
      await ctx.afterChunk?.(i / 5000);
    }
  }
  return { counts, totalCents, details, errors };
}

export const companyCallsJob: JobDefinition<CompanyParams> = {
  name: "company-calls",
  parse: (raw) => {
    const year = Number(raw.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw new JobRefusal("params.invalid", [{ code: "jobs.year.invalid", params: { value: String(raw.year ?? "") } }]);
    return { year };
  },
  run: runCompanyCalls,
};
