// Quarterly provisional contribution calls. Every affiliate subject in the quarter (an affiliation
// and a category period overlapping it) gets ONE call computed by the domain core: income N-3 annualised and
// revalued (or the income chosen in an accepted reduction/increase request), primo-starter minimum, the
// post-birth contribution-free quarter, the fund's fee. Affiliates are read in keyset chunks (the next chunk is
// read while the current one is computed and written); each chunk is inserted set-based in ONE statement with
// ON CONFLICT DO NOTHING on (affiliate, year, quarter, kind), so a rerun or a run resumed after a crash never
// creates a second call. The same statement queues one e-mail per new call ("your call is in your portal", FR/NL
// by the dossier's language) for the dossiers that want e-mails and have an address: uniqueKey 'call:<callId>'.
import { chosenIncomeBase, provisionalIncomeBase, quarterDueDate, quarterEnd, quarterStart, quarterlyContribution, addQuarters, type BreakdownLine, type Quarter, type QuarterNumber } from "@/lib/domain";
import type { Category as DbCategory } from "@/lib/generated/prisma/enums";
import { formatDate } from "@/lib/format";
import { loadFund, loadParameters } from "@/lib/dal/internal/reference-data";
import { JobRefusal, type JobContext, type JobDefinition, type JobResult } from "./types";
import { toDomainCategory } from "@/lib/db/enums";
import { serverTranslator } from "@/lib/i18n/translator";
import type { OfficialLocale } from "@/lib/i18n/config";

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
  kind: string;
  memberNumber: string;
  category: DbCategory | null;
  billed: boolean;
  primoStarterUntil: Date | null;
  startOn: Date;
  incomeCents: bigint | null;
  chosenIncomeCents: bigint | null;
  bornPreviousQuarter: boolean;
  assimilated: boolean;
};

const chunkSize = () => Math.max(1, Number(process.env.JOBS_CHUNK_SIZE ?? 10000) || 10000);

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

  // The run is driven by the affiliations overlapping the quarter, read in keyset chunks of affiliate ids (the
  // LIMIT applies before any join, and closed dossiers are never visited); each affiliate of a chunk is then probed
  // by index: its latest affiliation and category period overlapping the quarter, its N-3 income, an accepted
  // reduction/increase, a birth in the previous quarter, and its provisional call if one exists (a LATERAL probe of
  // the unique key (affiliate, year, quarter, kind); "+ 0" keeps the (year, quarter) index out of it: at a quarter's
  // start the statistics say the quarter has no call, and a plan that materialises the quarter's calls turns
  // quadratic as the run writes them).
  const only = params.affiliateId ? String(params.affiliateId) : null;
  const overlapping = `af."startOn" <= $2::date AND (af."endOn" IS NULL OR af."endOn" >= $1::date)`;
  const [{ n: totalAffiliates }] = await prisma.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(DISTINCT af."affiliateId")::int AS n FROM "Affiliation" af WHERE ${overlapping} AND ($3::text IS NULL OR af."affiliateId" = $3::text)`,
    qStart, qEnd, only,
  );

  const counts = { subjects: 0, created: 0, skippedExisting: 0, exempt: 0, belowThreshold: 0, rejected: 0, emailsQueued: 0 };
  // a single-dossier run (first calls at affiliation) sends no call e-mails: the welcome e-mail announces them
  const mail = only ? null : callMailTemplates(q, dueOn, fund.name);
  const details: Record<string, { count: number; totalCents: number }> = {};
  const errors: NonNullable<JobResult["errors"]> = [];
  let totalCents = 0;
  let processed = 0;
  const fetchChunk = (after: string) =>
    prisma.$queryRawUnsafe<Candidate[]>(
      `SELECT a.id, a.kind::text AS kind, a."memberNumber", cp.category::text AS category, cp."primoStarterUntil", af."startOn",
         ir."incomeCents", red.chosen AS "chosenIncomeCents", done.id IS NOT NULL AS billed,
         EXISTS (SELECT 1 FROM "Birth" b WHERE b."personId" = a."personId" AND b."bornOn" BETWEEN $6::date AND $7::date) AS "bornPreviousQuarter",
         EXISTS (SELECT 1 FROM "Request" ia WHERE ia."affiliateId" = a.id AND ia.type = 'ILLNESS_ASSIMILATION' AND ia.status = 'ACCEPTED'
           AND (ia.payload->>'firstQuarterIndex')::int <= $3::int * 4 + $4::int - 1
           AND (ia.payload->>'lastQuarterIndex' IS NULL OR (ia.payload->>'lastQuarterIndex')::int >= $3::int * 4 + $4::int - 1)) AS assimilated
       FROM (SELECT DISTINCT af."affiliateId" AS id FROM "Affiliation" af
             WHERE af."affiliateId" > $5::text AND ($9::text IS NULL OR af."affiliateId" = $9::text) AND ${overlapping}
             ORDER BY 1 LIMIT ${chunkSize()}) chunk
       JOIN "Affiliate" a ON a.id = chunk.id
       JOIN LATERAL (SELECT af.id, af."startOn" FROM "Affiliation" af
         WHERE af."affiliateId" = a.id AND ${overlapping} ORDER BY af."startOn" DESC LIMIT 1) af ON true
       LEFT JOIN LATERAL (SELECT cp.category, cp."primoStarterUntil" FROM "CategoryPeriod" cp
         WHERE cp."affiliationId" = af.id AND cp."fromOn" <= $2::date AND (cp."toOn" IS NULL OR cp."toOn" >= $1::date)
         ORDER BY cp."fromOn" DESC LIMIT 1) cp ON true
       LEFT JOIN LATERAL (SELECT ir."incomeCents" FROM "IncomeRecord" ir WHERE ir."personId" = a."personId" AND ir.year = $8::int) ir ON true
       LEFT JOIN LATERAL (SELECT (r.payload->>'estimatedIncomeCents')::bigint AS chosen
         FROM "Request" r
         WHERE r."affiliateId" = a.id AND r.type IN ('REDUCTION', 'INCREASE') AND r.status = 'ACCEPTED'
           AND (r.payload->>'year') = ($3::int)::text AND r.payload ? 'estimatedIncomeCents'
         ORDER BY r."decidedAt" DESC NULLS LAST, r."filedOn" DESC LIMIT 1) red ON true
       LEFT JOIN LATERAL (SELECT c.id FROM "ContributionCall" c
         WHERE c."affiliateId" = a.id AND c.year + 0 = $3::int AND c.quarter + 0 = $4::int AND c.kind = 'PROVISIONAL' LIMIT 1) done ON true
       ORDER BY a.id`,
      qStart, qEnd, q.year, q.quarter, after, quarterStart(prev), quarterEnd(prev), refYear, only,
    );
  // pipelined: chunk k+1 is read and computed while chunk k is being written; chunk k is finished (counted,
  // progress, afterChunk) only once its statement has committed
  type Pending = { chunkIndex: number; rows: number; calls: number; insert: ReturnType<typeof insertCalls> | null };
  const finish = async (pending: Pending) => {
    if (pending.insert) {
      const inserted = await pending.insert;
      counts.created += inserted.n;
      counts.emailsQueued += inserted.m;
      counts.skippedExisting += pending.calls - inserted.n;
      totalCents += Number(inserted.total ?? 0);
    }
    processed += pending.rows;
    await ctx.progress(totalAffiliates === 0 ? 1000 : (processed / totalAffiliates) * 1000);
    await ctx.afterChunk?.(pending.chunkIndex);
  };
  let pending: Pending | null = null;
  let next: Promise<Candidate[]> | null = fetchChunk("");
  for (let chunkIndex = 0; next; chunkIndex++) {
    const rows: Candidate[] = await next;
    next = null;
    if (rows.length === 0) break;
    next = fetchChunk(rows[rows.length - 1].id);
    next.catch(() => undefined); // a crash of this chunk must not leave an unhandled rejection behind
    const calls: CallRow[] = [];
    for (const r of rows) {
      // not subject in the quarter (a company, or no category period overlapping it), or already billed
      if (r.kind !== "PERSON" || r.category === null || r.billed) continue;
      counts.subjects++;
      // a birth in the previous quarter (maternity) or an accepted assimilation for illness covering the quarter
      const exemptQuarter = r.bornPreviousQuarter || r.assimilated;
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
        base = chosenIncomeBase(q.year, Number(r.chosenIncomeCents));
        incomeYear = q.year;
      } else if (Number(startOn.slice(0, 4)) > refYear || r.incomeCents === null) {
        // no N-3 income (starter, or none known yet): the legal minimum applies
        base = { incomeCents: 0, breakdown: [{ code: "income.none", params: { year: refYear } }] };
      } else {
        base = provisionalIncomeBase({ year: q.year, referenceIncomeCents: Number(r.incomeCents) }, p);
      }
      try {
        const c = quarterlyContribution(
          { year: q.year, category: toDomainCategory(r.category), annualIncomeCents: base.incomeCents, primoStarter: primo, managementFeeBp: fund.managementFeeBp },
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
          category: r.category,
          incomeBaseCents: base.incomeCents,
          incomeYear,
          contributionCents: c.contributionCents,
          managementFeeCents: c.managementFeeCents,
          totalCents: c.totalCents,
          structuredCommunication: communication,
          breakdown: [...base.breakdown, ...c.breakdown],
        });
      } catch (error) {
        counts.rejected++;
        errors.push({ code: error instanceof Error ? error.message : "call.failed", params: { affiliateId: r.id } });
      }
    }
    let insert: Pending["insert"] = null;
    if (ctx.dryRun) {
      counts.created += calls.length;
      totalCents += calls.reduce((s, c) => s + c.totalCents, 0);
    }
    if (pending) await finish(pending);
    if (!ctx.dryRun && calls.length > 0) {
      insert = insertCalls(ctx, calls, { q, issuedOn, dueOn, feeBp: fund.managementFeeBp, mail });
      insert.catch(() => undefined); // awaited (and its error raised) by finish()
    }
    pending = { chunkIndex, rows: rows.length, calls: calls.length, insert };
  }
  if (pending) await finish(pending);
  return { counts, totalCents, details, errors };
}

type CallRow = {
  id: string;
  affiliateId: string;
  category: DbCategory;
  incomeBaseCents: number;
  incomeYear: number | null;
  contributionCents: number;
  managementFeeCents: number;
  totalCents: number;
  structuredCommunication: string;
  breakdown: BreakdownLine[];
};

type CallMail = Record<OfficialLocale, { subject: string; text: string }>;

/** The "your call is in your portal" e-mail of a run, in the three official languages: the same for every call of the quarter
 *  (amounts are in the portal, not in the e-mail), so it is rendered once and chosen in SQL by the dossier's language. */
export function callMailTemplates(q: Quarter, dueOn: string, fund: string): CallMail {
  const url = `${(process.env.NEXTAUTH_URL ?? "").replace(/\/$/, "")}/me/calls`;
  const render = (locale: OfficialLocale) => {
    const t = serverTranslator(locale, "moCallMail");
    const values = { quarter: q.quarter, year: q.year, dueOn: formatDate(locale, dueOn), url, fund };
    return { subject: t("subject", values), text: t("text", values) };
  };
  return { fr: render("fr"), nl: render("nl"), de: render("de") };
}

/** Writes a chunk's calls and their CALL/FEE ledger debits in ONE statement (atomic by itself: no interactive
 *  transaction, so no transaction timeout however big the chunk). Only the per-call columns travel as JSON; the
 *  quarter's constants are parameters. ON CONFLICT DO NOTHING on the call's unique keys makes a rerun harmless;
 *  the ledger rows follow only the calls actually inserted. */
async function insertCalls(ctx: JobContext, calls: CallRow[], k: { q: Quarter; issuedOn: string; dueOn: string; feeBp: number; mail: CallMail | null }) {
  const [row] = await ctx.prisma.$queryRawUnsafe<{ n: number; total: bigint | null; m: number }[]>(
    `WITH src AS (
       SELECT * FROM json_to_recordset($1::json) AS x(id text, "affiliateId" text, category "Category", "incomeBaseCents" bigint, "incomeYear" int,
         "contributionCents" int, "managementFeeCents" int, "totalCents" int, "structuredCommunication" char(12), breakdown json)),
     ins AS (
       INSERT INTO "ContributionCall" (id, "affiliateId", kind, year, quarter, category, "incomeBaseCents", "incomeYear",
         "contributionCents", "managementFeeCents", "totalCents", "structuredCommunication", "issuedOn", "dueOn", breakdown, "jobRunId")
       SELECT id, "affiliateId", 'PROVISIONAL', $2::int, $3::int, category, "incomeBaseCents", "incomeYear",
         "contributionCents", "managementFeeCents", "totalCents", "structuredCommunication", $4::date, $5::date, breakdown, $6::text FROM src
       ON CONFLICT DO NOTHING
       RETURNING id, "affiliateId", "contributionCents", "managementFeeCents", "totalCents"),
     led AS (
       INSERT INTO "LedgerEntry" ("affiliateId", kind, "amountCents", "bookedOn", "callId", "reasonCode", "reasonParams", "uniqueKey")
       SELECT "affiliateId", 'CALL'::"LedgerKind", "contributionCents", $4::date, id, 'call.provisional',
              jsonb_build_object('year', $2::int, 'quarter', $3::int), 'call:' || id || ':principal' FROM ins
       UNION ALL
       SELECT "affiliateId", 'FEE'::"LedgerKind", "managementFeeCents", $4::date, id, 'call.managementFee',
              jsonb_build_object('rateBp', $7::int), 'call:' || id || ':fee' FROM ins WHERE "managementFeeCents" > 0
       RETURNING 1),
     mail AS (
       INSERT INTO "OutboundEmail" (id, "to", subject, text, template, "affiliateId", "uniqueKey")
       SELECT 'mail-' || ins.id, p.email, CASE a.language WHEN 'nl' THEN $10 WHEN 'de' THEN $13 ELSE $8 END,
              CASE a.language WHEN 'nl' THEN $11 WHEN 'de' THEN $14 ELSE $9 END,
              'call.issued', ins."affiliateId", 'call:' || ins.id
       FROM ins JOIN "Affiliate" a ON a.id = ins."affiliateId" JOIN "Person" p ON p.id = a."personId"
       WHERE $12::boolean AND nullif(trim(p.email), '') IS NOT NULL AND (a."notificationPrefs"->>'email') = 'true'
       ON CONFLICT DO NOTHING
       RETURNING 1)
     SELECT (SELECT count(*)::int FROM ins) AS n, (SELECT sum("totalCents")::bigint FROM ins) AS total, (SELECT count(*)::int FROM led) AS l,
            (SELECT count(*)::int FROM mail) AS m`,
    JSON.stringify(calls),
    k.q.year,
    k.q.quarter,
    k.issuedOn,
    k.dueOn,
    ctx.jobRunId,
    k.feeBp,
    k.mail?.fr.subject ?? "",
    k.mail?.fr.text ?? "",
    k.mail?.nl.subject ?? "",
    k.mail?.nl.text ?? "",
    k.mail !== null,
    k.mail?.de.subject ?? "",
    k.mail?.de.text ?? "",
  );
  return row;
}

export const quarterlyCallsJob: JobDefinition<QuarterlyParams> = {
  name: "quarterly-calls",
  parse: (raw) => {
    parseQuarter(raw.quarter);
    return raw.affiliateId ? { quarter: String(raw.quarter), affiliateId: String(raw.affiliateId) } : { quarter: String(raw.quarter) };
  },
  run: runQuarterlyCalls,
};
