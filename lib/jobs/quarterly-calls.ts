// Quarterly provisional contribution calls (issue 4 §2). Every affiliate subject in the quarter (an affiliation
// and a category period overlapping it) gets ONE call computed by the domain core: income N-3 annualised and
// revalued (or the income chosen in an accepted reduction/increase request), primo-starter minimum, the
// post-birth contribution-free quarter, the fund's fee. Affiliates are read in keyset chunks; each chunk is
// inserted set-based in one transaction with ON CONFLICT DO NOTHING on (affiliate, year, quarter, kind), so a
// rerun or a run resumed after a crash never creates a second call.
import {
  provisionalIncomeBase,
  quarterDueDate,
  quarterEnd,
  quarterStart,
  quarterlyContribution,
  addQuarters,
  type BreakdownLine,
  type Category,
  type Quarter,
  type QuarterNumber,
} from "@/lib/domain";
import type { Category as DbCategory } from "@/lib/generated/prisma/enums";
import { loadFund, loadParameters } from "./parameters";
import { jsonRows } from "./sql";
import { JobRefusal, type JobContext, type JobDefinition, type JobResult } from "./types";

export const CATEGORY_TO_DOMAIN: Record<DbCategory, Category> = {
  MAIN: "main",
  COMPLEMENTARY: "complementary",
  HELPING_SPOUSE: "helping-spouse",
  STUDENT: "student",
  ACTIVE_PENSIONER: "active-pensioner",
  ART37: "art37",
};

export function parseQuarter(value: unknown): Quarter {
  const m = typeof value === "string" ? /^(\d{4})-Q([1-4])$/.exec(value) : null;
  if (!m) throw new JobRefusal("params.invalid", [{ code: "jobs.quarter.invalid", params: { value: String(value ?? "") } }]);
  return { year: Number(m[1]), quarter: Number(m[2]) as QuarterNumber };
}

/** The 12 digits of the call's structured communication: YY Q 1 + member number (6 digits) + check digits. */
export function provisionalCommunication(memberNumber: string, q: Quarter): string | null {
  if (!/^\d{1,6}$/.test(memberNumber)) return null;
  const ten = `${String(q.year).slice(2)}${q.quarter}1${memberNumber.padStart(6, "0")}`;
  return ten + String(Number(ten) % 97 || 97).padStart(2, "0");
}

type Candidate = {
  id: string;
  memberNumber: string;
  category: DbCategory;
  primoStarterUntil: Date | null;
  startOn: Date;
  incomeCents: bigint | null;
  chosenIncomeCents: bigint | null;
  bornPreviousQuarter: boolean;
};

const chunkSize = () => Math.max(1, Number(process.env.JOBS_CHUNK_SIZE ?? 5000) || 5000);

export interface QuarterlyParams extends Record<string, string | number | boolean | undefined> {
  quarter: string;
  /** restrict the run to one dossier (first calls issued when an advisor processes an affiliation) */
  affiliateId?: string;
}

export async function runQuarterlyCalls(ctx: JobContext, params: QuarterlyParams): Promise<JobResult> {
  const { prisma } = ctx;
  const q = parseQuarter(params.quarter);
  const p = await loadParameters(prisma, q.year);
  const fund = await loadFund(prisma);
  const qStart = quarterStart(q);
  const qEnd = quarterEnd(q);
  const dueOn = quarterDueDate(q);
  const issuedOn = ctx.today < qStart ? ctx.today : qStart;
  const prev = addQuarters(q, -1);
  const refYear = q.year - 3;

  // subject in the quarter: an affiliation and a category period overlapping it, and no provisional call yet
  const from = `
    FROM "Affiliate" a
    JOIN LATERAL (SELECT af.id, af."startOn" FROM "Affiliation" af
      WHERE af."affiliateId" = a.id AND af."startOn" <= $2::date AND (af."endOn" IS NULL OR af."endOn" >= $1::date)
      ORDER BY af."startOn" DESC LIMIT 1) af ON true
    JOIN LATERAL (SELECT cp.category, cp."primoStarterUntil" FROM "CategoryPeriod" cp
      WHERE cp."affiliationId" = af.id AND cp."fromOn" <= $2::date AND (cp."toOn" IS NULL OR cp."toOn" >= $1::date)
      ORDER BY cp."fromOn" DESC LIMIT 1) cp ON true`;
  const only = params.affiliateId ? String(params.affiliateId) : null;
  const where = (onlyParam: number) => `
    WHERE a.kind = 'PERSON' AND ($${onlyParam}::text IS NULL OR a.id = $${onlyParam}::text)
      AND NOT EXISTS (SELECT 1 FROM "ContributionCall" c
        WHERE c."affiliateId" = a.id AND c.year = $3::int AND c.quarter = $4::int AND c.kind = 'PROVISIONAL')`;
  const [{ n: totalCandidates }] = await prisma.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n ${from} ${where(5)}`, qStart, qEnd, q.year, q.quarter, only,
  );

  const counts = { subjects: totalCandidates, created: 0, skippedExisting: 0, exempt: 0, belowThreshold: 0, rejected: 0 };
  const details: Record<string, { count: number; totalCents: number }> = {};
  const errors: NonNullable<JobResult["errors"]> = [];
  let totalCents = 0;
  let after = "";
  let processed = 0;
  for (let chunkIndex = 0; ; chunkIndex++) {
    const rows = await prisma.$queryRawUnsafe<Candidate[]>(
      `SELECT a.id, a."memberNumber", cp.category::text AS category, cp."primoStarterUntil", af."startOn",
         ir."incomeCents", red.chosen AS "chosenIncomeCents",
         EXISTS (SELECT 1 FROM "Birth" b WHERE b."personId" = a."personId" AND b."bornOn" BETWEEN $6::date AND $7::date) AS "bornPreviousQuarter"
       ${from}
       LEFT JOIN "IncomeRecord" ir ON ir."personId" = a."personId" AND ir.year = $8::int
       LEFT JOIN LATERAL (SELECT COALESCE(r.payload->>'chosenIncomeCents', r.payload->>'estimatedIncomeCents')::bigint AS chosen
         FROM "Request" r
         WHERE r."affiliateId" = a.id AND r.type IN ('REDUCTION', 'INCREASE') AND r.status = 'ACCEPTED'
           AND (r.payload->>'year') = ($3::int)::text AND (r.payload ? 'chosenIncomeCents' OR r.payload ? 'estimatedIncomeCents')
         ORDER BY r."decidedAt" DESC NULLS LAST, r."filedOn" DESC LIMIT 1) red ON true
       ${where(9)} AND a.id > $5::text
       ORDER BY a.id LIMIT ${chunkSize()}`,
      qStart, qEnd, q.year, q.quarter, after, quarterStart(prev), quarterEnd(prev), refYear, only,
    );
    if (rows.length === 0) break;
    after = rows[rows.length - 1].id;
    const calls: Record<string, unknown>[] = [];
    for (const r of rows) {
      const exemptQuarter = r.bornPreviousQuarter;
      if (exemptQuarter) {
        counts.exempt++;
        continue;
      }
      const communication = provisionalCommunication(r.memberNumber, q);
      if (!communication) {
        counts.rejected++;
        errors.push({ code: "call.memberNumberNotNumeric", params: { affiliateId: r.id } });
        continue;
      }
      const startOn = r.startOn.toISOString().slice(0, 10);
      const primo = r.primoStarterUntil !== null && qStart <= r.primoStarterUntil.toISOString().slice(0, 10);
      let base: { incomeCents: number; breakdown: BreakdownLine[] };
      let incomeYear: number | null = refYear;
      if (r.chosenIncomeCents !== null) {
        base = { incomeCents: Number(r.chosenIncomeCents), breakdown: [{ code: "income.chosen", params: { year: q.year }, amountCents: Number(r.chosenIncomeCents) }] };
        incomeYear = q.year;
      } else if (Number(startOn.slice(0, 4)) > refYear || r.incomeCents === null) {
        // no N-3 income (starter, or none known yet): the legal minimum applies
        base = { incomeCents: 0, breakdown: [{ code: "income.none", params: { year: refYear } }] };
      } else {
        base = provisionalIncomeBase({ year: q.year, referenceIncomeCents: Number(r.incomeCents) }, p);
      }
      try {
        const c = quarterlyContribution(
          { year: q.year, category: CATEGORY_TO_DOMAIN[r.category], annualIncomeCents: base.incomeCents, primoStarter: primo, managementFeeBp: fund.managementFeeBp },
          p,
        );
        if (c.totalCents === 0) {
          counts.belowThreshold++;
          continue;
        }
        const d = (details[r.category] ??= { count: 0, totalCents: 0 });
        d.count++;
        d.totalCents += c.totalCents;
        calls.push({
          id: `call-${r.memberNumber}-${q.year}-${q.quarter}`,
          affiliateId: r.id,
          kind: "PROVISIONAL",
          year: q.year,
          quarter: q.quarter,
          category: r.category,
          incomeBaseCents: base.incomeCents,
          incomeYear,
          contributionCents: c.contributionCents,
          managementFeeCents: c.managementFeeCents,
          totalCents: c.totalCents,
          structuredCommunication: communication,
          issuedOn,
          dueOn,
          breakdown: [...base.breakdown, ...c.breakdown],
          jobRunId: ctx.jobRunId,
          createdAt: new Date().toISOString(),
        });
      } catch (error) {
        counts.rejected++;
        errors.push({ code: error instanceof Error ? error.message : "call.failed", params: { affiliateId: r.id } });
      }
    }
    if (ctx.dryRun) {
      counts.created += calls.length;
      totalCents += calls.reduce((s, c) => s + (c.totalCents as number), 0);
    } else if (calls.length > 0) {
      const inserted = await prisma.$transaction(async (tx) => {
        const ins = await tx.$queryRawUnsafe<{ n: number; total: bigint | null }[]>(
          `WITH src AS (SELECT * FROM json_populate_recordset(NULL::"ContributionCall", $1::json)),
           ins AS (
             INSERT INTO "ContributionCall" (id, "affiliateId", kind, year, quarter, category, "incomeBaseCents", "incomeYear",
               "contributionCents", "managementFeeCents", "totalCents", "structuredCommunication", "issuedOn", "dueOn", breakdown, "jobRunId", "createdAt")
             SELECT id, "affiliateId", kind, year, quarter, category, "incomeBaseCents", "incomeYear",
               "contributionCents", "managementFeeCents", "totalCents", "structuredCommunication", "issuedOn", "dueOn", breakdown, "jobRunId", "createdAt" FROM src
             ON CONFLICT DO NOTHING
             RETURNING id, "affiliateId", "contributionCents", "managementFeeCents", "totalCents", "issuedOn", year, quarter),
           led AS (
             INSERT INTO "LedgerEntry" ("affiliateId", kind, "amountCents", "bookedOn", "callId", "reasonCode", "reasonParams", "uniqueKey")
             SELECT "affiliateId", 'CALL'::"LedgerKind", "contributionCents", "issuedOn", id, 'call.provisional',
                    jsonb_build_object('year', year, 'quarter', quarter), 'call:' || id || ':principal' FROM ins
             UNION ALL
             SELECT "affiliateId", 'FEE'::"LedgerKind", "managementFeeCents", "issuedOn", id, 'call.managementFee',
                    jsonb_build_object('rateBp', $2::int), 'call:' || id || ':fee' FROM ins WHERE "managementFeeCents" > 0
             RETURNING 1)
           SELECT (SELECT count(*)::int FROM ins) AS n, (SELECT sum("totalCents")::bigint FROM ins) AS total, (SELECT count(*) FROM led) AS l`,
          jsonRows(calls),
          fund.managementFeeBp,
        );
        return ins[0];
      });
      counts.created += inserted.n;
      counts.skippedExisting += calls.length - inserted.n;
      totalCents += Number(inserted.total ?? 0);
    }
    processed += rows.length;
    await ctx.progress(totalCandidates === 0 ? 1000 : (processed / totalCandidates) * 1000);
    await ctx.afterChunk?.(chunkIndex);
  }
  return { counts, totalCents, details, errors };
}

export const quarterlyCallsJob: JobDefinition<QuarterlyParams> = {
  name: "quarterly-calls",
  parse: (raw) => {
    parseQuarter(raw.quarter);
    return raw.affiliateId ? { quarter: String(raw.quarter), affiliateId: String(raw.affiliateId) } : { quarter: String(raw.quarter) };
  },
  run: runQuarterlyCalls,
};
