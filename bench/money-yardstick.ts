// The yardsticks of bench/money.ts: twin tables (same columns, defaults, indexes, checks and foreign keys as the real
// ones) and the *computing* yardstick of the quarterly run — the same calls computed set-based in ONE SQL statement
// from the affiliations, category periods, N-3 incomes and the year's legal parameters, then checked amount by amount
// (and line by line of the explanation) against the job's rows. The plain copy of the job's rows computes nothing and
// only says what writing costs; this one is what the database alone takes to compute and write the same calls, so
// "job ≤ 3× it" is a target that means something (measured: docs/decisions/0045).
import { performance } from "node:perf_hooks";
import { addQuarters, quarterEnd, quarterStart, type Quarter } from "@/lib/domain";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** One table of a yardstick: rows inserted into `twin`, a copy of `table`. Foreign keys are copied from the catalog;
 *  the ones whose column is named in `twinRefs` point at another twin instead of the real table. */
export type Copy = { table: string; twin: string; select: string; twinRefs?: Record<string, string> };

/** Drops and recreates the twins (children after parents in `copies`); returns the statement that drops them. */
export async function createTwins(db: PrismaClient, copies: Omit<Copy, "select">[]): Promise<string> {
  const drop = `DROP TABLE IF EXISTS ${copies.map((c) => c.twin).reverse().join(", ")}`;
  await db.$executeRawUnsafe(drop);
  for (const c of copies) {
    await db.$executeRawUnsafe(`CREATE TABLE ${c.twin} (LIKE "${c.table}" INCLUDING ALL)`);
    const fks = await db.$queryRawUnsafe<{ col: string; def: string }[]>(
      `SELECT a.attname::text AS col, pg_get_constraintdef(k.oid) AS def FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
       WHERE k.conrelid = $1::regclass AND k.contype = 'f'`, `"${c.table}"`);
    for (const { col, def } of fks) {
      const twin = c.twinRefs?.[col];
      await db.$executeRawUnsafe(`ALTER TABLE ${c.twin} ADD ${twin ? def.replace(/REFERENCES "\w+"/, `REFERENCES ${twin}`) : def}`);
    }
  }
  return drop;
}

/** roundToCents(n / d) of lib/domain/money.ts in SQL (bigint, d > 0): nearest cent, halves away from zero. Integer
 *  division of (2|n| + d) by 2d adds one exactly when the remainder is at least half of d, as the domain does (no
 *  sign(): it has no bigint version and would go through double precision). */
const cents = (n: string, d: string) =>
  `(CASE WHEN ${n} < 0 THEN -((2 * -(${n}) + (${d})) / (2 * (${d}))) ELSE (2 * (${n}) + (${d})) / (2 * (${d})) END)`;
/** One breakdown line as JSON text, keys in the domain's order (line(code, params, amountCents)). */
const line = (code: string, params: string, amount?: string) =>
  `json_build_object('code', '${code}', 'params', json_build_object(${params})${amount === undefined ? "" : `, 'amountCents', ${amount}`})::text`;
/** A line present only when `when` holds: concat_ws below skips the NULL. */
const lineIf = (when: string, l: string) => `CASE WHEN ${when} THEN ${l} END`;
const key = (k: string) => `max(value) FILTER (WHERE key = 'contribution.${k}')`;

/**
 * The quarter's provisional calls computed in SQL, mirroring lib/jobs/quarterly-calls.ts + lib/domain
 * (provisionalIncomeBase, quarterlyContribution, applyBp) for these cases:
 *  - subjects: the latest affiliation overlapping the quarter, its latest category period overlapping it, PERSON
 *    dossiers with a numeric member number; no call when a birth fell in the previous quarter or an accepted illness
 *    assimilation covers the quarter; a call already there is kept (ON CONFLICT DO NOTHING on the twin's unique keys);
 *  - income base: the income chosen in an accepted reduction/increase of the year, else none (0, the minimum applies)
 *    for a start after N-3 or no N-3 income, else the N-3 income (4 quarters) × the revaluation coefficient;
 *  - categories MAIN (minimum, primo-starter minimum while primoStarterUntil ≥ the quarter's start), HELPING_SPOUSE
 *    (its minimum) and COMPLEMENTARY (nothing below the threshold): 20,50 % up to ceiling 1, 14,16 % up to ceiling 2,
 *    the exact annual sum / 4 rounded once, each band line rounded for the explanation, the rounding line when they
 *    differ; the fund's fee on the contribution; calls of total 0 not written. STUDENT, ACTIVE_PENSIONER and ART37 are
 *    NOT covered (the bench has none: the check below would report their calls as missing);
 *  - the explanation (breakdown) is built too, line for line, and the CALL and FEE (fee > 0) ledger debits.
 * The bench population is MAIN and COMPLEMENTARY with N-3 incomes 15,000-111,000 € (floors, both bands, ceiling 2).
 * Parameters come from "LegalParameter" for the year (the table loadParameters overlays on the code's set; the bench
 * fills it when empty, as the seed does) and the fee from "Fund".managementFeeBp.
 */
function computingCallsSql(calls: string, ledger: string, explanation: boolean): string {
  const overlapping = `af."startOn" <= $2::date AND (af."endOn" IS NULL OR af."endOn" >= $1::date)`;
  const band = (n: 1 | 2, from: string) =>
    lineIf(`in${n} > 0`, line(`contribution.band${n}`, `'fromCents', ${from}, 'toCents', c${n}, 'baseCents', in${n}, 'rateBp', r${n}`, `q${n}`));
  return `WITH par AS (
      SELECT ${key("ceiling1Cents")} AS c1, ${key("ceiling2Cents")} AS c2, ${key("band1RateBp")} AS r1, ${key("band2RateBp")} AS r2,
        ${key("minimumIncomeCents")} AS min_main, ${key("primoStarterMinimumIncomeCents")} AS min_primo,
        ${key("helpingSpouseMinimumIncomeCents")} AS min_spouse, ${key("complementaryThresholdCents")} AS thr_compl,
        ${key("revaluationCoefficient")} AS rev_num, max(denominator) FILTER (WHERE key = 'contribution.revaluationCoefficient') AS rev_den,
        (SELECT "managementFeeBp" FROM "Fund" WHERE id = 1)::bigint AS fee_bp
      FROM "LegalParameter" WHERE year = $3::int),
    af AS (SELECT DISTINCT ON (af."affiliateId") af."affiliateId", af.id, af."startOn" FROM "Affiliation" af
      WHERE ${overlapping} ORDER BY af."affiliateId", af."startOn" DESC),
    cp AS (SELECT DISTINCT ON (cp."affiliationId") cp."affiliationId", cp.category, cp."primoStarterUntil" FROM "CategoryPeriod" cp
      WHERE cp."fromOn" <= $2::date AND (cp."toOn" IS NULL OR cp."toOn" >= $1::date) ORDER BY cp."affiliationId", cp."fromOn" DESC),
    red AS (SELECT DISTINCT ON (r."affiliateId") r."affiliateId", (r.payload->>'estimatedIncomeCents')::bigint AS chosen FROM "Request" r
      WHERE r.type IN ('REDUCTION', 'INCREASE') AND r.status = 'ACCEPTED' AND (r.payload->>'year') = ($3::int)::text AND r.payload ? 'estimatedIncomeCents'
      ORDER BY r."affiliateId", r."decidedAt" DESC NULLS LAST, r."filedOn" DESC),
    subj AS (
      SELECT a.id AS aff, a."memberNumber" AS member, cp.category, lower(replace(cp.category::text, '_', '-')) AS dcat,
        CASE WHEN red.chosen IS NOT NULL THEN 'chosen' WHEN extract(year FROM af."startOn") > $8::int OR ir."incomeCents" IS NULL THEN 'none' ELSE 'ref' END AS src,
        red.chosen, ir."incomeCents" AS ref_income,
        CASE cp.category WHEN 'MAIN' THEN CASE WHEN cp."primoStarterUntil" >= $1::date THEN 'primoStarterMinimumIncomeCents' ELSE 'minimumIncomeCents' END
          WHEN 'HELPING_SPOUSE' THEN 'helpingSpouseMinimumIncomeCents' END AS min_key
      FROM af JOIN "Affiliate" a ON a.id = af."affiliateId" AND a.kind = 'PERSON'
      JOIN cp ON cp."affiliationId" = af.id
      LEFT JOIN "IncomeRecord" ir ON ir."personId" = a."personId" AND ir.year = $8::int
      LEFT JOIN red ON red."affiliateId" = a.id
      WHERE cp.category IN ('MAIN', 'HELPING_SPOUSE', 'COMPLEMENTARY') AND a."memberNumber" ~ '^[0-9]{1,6}$'
        AND NOT EXISTS (SELECT 1 FROM "Birth" b WHERE b."personId" = a."personId" AND b."bornOn" BETWEEN $6::date AND $7::date)
        AND NOT EXISTS (SELECT 1 FROM "Request" ia WHERE ia."affiliateId" = a.id AND ia.type = 'ILLNESS_ASSIMILATION' AND ia.status = 'ACCEPTED'
          AND (ia.payload->>'firstQuarterIndex')::int <= $3::int * 4 + $4::int - 1
          AND (ia.payload->>'lastQuarterIndex' IS NULL OR (ia.payload->>'lastQuarterIndex')::int >= $3::int * 4 + $4::int - 1))),
    income AS (
      SELECT s.*, p.*, CASE s.src WHEN 'chosen' THEN s.chosen WHEN 'none' THEN 0 ELSE ${cents("s.ref_income * p.rev_num", "p.rev_den")} END AS income,
        CASE s.min_key WHEN 'minimumIncomeCents' THEN p.min_main WHEN 'primoStarterMinimumIncomeCents' THEN p.min_primo
          WHEN 'helpingSpouseMinimumIncomeCents' THEN p.min_spouse END AS minimum
      FROM subj s CROSS JOIN par p),
    based AS (
      SELECT i.*, CASE WHEN i.category = 'COMPLEMENTARY' AND i.income < i.thr_compl THEN 0 ELSE greatest(i.income, coalesce(i.minimum, i.income)) END AS base
      FROM income i),
    bands AS (SELECT b.*, greatest(0, least(b.base, b.c1)) AS in1, greatest(0, least(b.base, b.c2) - b.c1) AS in2 FROM based b),
    amounts AS (
      SELECT x.*, ${cents("x.in1 * x.r1", "40000")} AS q1, ${cents("x.in2 * x.r2", "40000")} AS q2,
        ${cents("x.in1 * x.r1 + x.in2 * x.r2", "40000")} AS contribution FROM bands x),
    calls AS (SELECT m.*, ${cents("m.contribution * m.fee_bp", "10000")} AS fee FROM amounts m),
    ins AS (
      INSERT INTO ${calls} (id, "affiliateId", kind, year, quarter, category, "incomeBaseCents", "incomeYear",
        "contributionCents", "managementFeeCents", "totalCents", "structuredCommunication", "issuedOn", "dueOn", breakdown, "jobRunId")
      SELECT 'call-' || member || '-' || $3::int || '-' || $4::int, aff, 'PROVISIONAL', $3::int, $4::int, category, income,
        CASE src WHEN 'chosen' THEN $3::int ELSE $8::int END, contribution, fee, contribution + fee,
        ten || lpad((coalesce(nullif(ten::bigint % 97, 0), 97))::text, 2, '0'), $5::date, $2::date,
        ${explanation ? `('[' || concat_ws(',',
          ${lineIf("src = 'ref'", line("income.reference", "'year', $8::int", "ref_income"))},
          ${lineIf("src = 'ref'", line("income.revalued", "'numerator', rev_num, 'denominator', rev_den", "income"))},
          ${lineIf("src = 'none'", line("income.none", "'year', $8::int"))},
          ${lineIf("src = 'chosen'", line("income.chosen", "'year', $3::int", "chosen"))},
          ${line("contribution.incomeBase", "'category', dcat, 'year', $3::int", "income")},
          ${lineIf("income < minimum", line("contribution.floorApplied", "'minimum', min_key", "minimum"))},
          ${band(1, "0")}, ${band(2, "c1")},
          ${lineIf("contribution <> q1 + q2", line("contribution.rounding", "", "contribution - q1 - q2"))},
          ${line("contribution.quarterly", "", "contribution")},
          ${line("contribution.managementFee", "'rateBp', fee_bp", "fee")},
          ${line("contribution.total", "", "contribution + fee")}) || ']')::json` : `'[]'::json`},
        'bench-yardstick'
      FROM (SELECT c.*, right($3::int::text, 2) || $4::int || '1' || lpad(member, 6, '0') AS ten FROM calls c) c
      WHERE contribution + fee > 0
      ON CONFLICT DO NOTHING
      RETURNING id, "affiliateId", "contributionCents", "managementFeeCents")
    INSERT INTO ${ledger} ("affiliateId", kind, "amountCents", "bookedOn", "callId", "reasonCode", "reasonParams", "uniqueKey")
    SELECT "affiliateId", 'CALL'::"LedgerKind", "contributionCents", $5::date, id, 'call.provisional',
           jsonb_build_object('year', $3::int, 'quarter', $4::int), 'call:' || id || ':principal' FROM ins
    UNION ALL
    SELECT "affiliateId", 'FEE'::"LedgerKind", "managementFeeCents", $5::date, id, 'call.managementFee',
           jsonb_build_object('rateBp', (SELECT fee_bp FROM par)), 'call:' || id || ':fee' FROM ins WHERE "managementFeeCents" > 0`;
}

export type ComputingResult = { ms: number; calls: number; ledger: number; mismatches: number; explanationMismatches: number; withoutExplanationMs: number };

/**
 * Runs the computing yardstick of the quarter into fresh twins (only the statement is timed), then compares, per
 * affiliate, the job's calls and CALL/FEE debits with the yardstick's: a call on one side only, or any amount
 * (income base, contribution, fee, total, ledger debits) differing, is a mismatch; explanations are compared as jsonb.
 * Throws if anything differs: the yardstick must provably compute what the job computes. Then runs it once more with
 * an empty explanation ('[]'), timed only, to say what building and storing the explanation costs.
 */
export async function computingCallsOf(db: PrismaClient, q: Quarter, issuedOn: string): Promise<ComputingResult> {
  const calls = "bench_call_calc";
  const ledger = "bench_ledger_calc";
  const twins = () => createTwins(db, [
    { table: "ContributionCall", twin: calls },
    { table: "LedgerEntry", twin: ledger, twinRefs: { callId: calls } },
  ]);
  const prev = addQuarters(q, -1);
  const args = [quarterStart(q), quarterEnd(q), q.year, q.quarter, issuedOn, quarterStart(prev), quarterEnd(prev), q.year - 3] as const;
  const timed = async (explanation: boolean) => {
    const t0 = performance.now();
    const rows = await db.$executeRawUnsafe(computingCallsSql(calls, ledger, explanation), ...args);
    return { ms: performance.now() - t0, rows };
  };
  let drop = await twins();
  const { ms, rows: ledgerRows } = await timed(true);
  try {
    const [r] = await db.$queryRawUnsafe<{ calls: number; onlyJob: number; onlyCalc: number; amounts: number; explanations: number }[]>(
      `WITH job AS (SELECT * FROM "ContributionCall" WHERE year = $1::int AND quarter = $2::int AND kind = 'PROVISIONAL'),
         jl AS (SELECT e."callId", sum(e."amountCents") FILTER (WHERE e.kind = 'CALL') AS call, sum(e."amountCents") FILTER (WHERE e.kind = 'FEE') AS fee
                FROM "LedgerEntry" e JOIN job ON job.id = e."callId" WHERE e.kind IN ('CALL', 'FEE') GROUP BY 1),
         cl AS (SELECT e."callId", sum(e."amountCents") FILTER (WHERE e.kind = 'CALL') AS call, sum(e."amountCents") FILTER (WHERE e.kind = 'FEE') AS fee
                FROM ${ledger} e GROUP BY 1)
       SELECT (SELECT count(*)::int FROM ${calls}) AS calls,
         count(*) FILTER (WHERE y.id IS NULL)::int AS "onlyJob", count(*) FILTER (WHERE j.id IS NULL)::int AS "onlyCalc",
         count(*) FILTER (WHERE j.id IS NOT NULL AND y.id IS NOT NULL AND (
           (j."incomeBaseCents", j."contributionCents", j."managementFeeCents", j."totalCents", j."structuredCommunication", j.category)
             IS DISTINCT FROM (y."incomeBaseCents", y."contributionCents", y."managementFeeCents", y."totalCents", y."structuredCommunication", y.category)
           OR (jl.call, jl.fee) IS DISTINCT FROM (cl.call, cl.fee)))::int AS amounts,
         count(*) FILTER (WHERE j.id IS NOT NULL AND y.id IS NOT NULL AND j.breakdown::jsonb <> y.breakdown::jsonb)::int AS explanations
       FROM job j FULL JOIN ${calls} y ON y."affiliateId" = j."affiliateId"
       LEFT JOIN jl ON jl."callId" = j.id LEFT JOIN cl ON cl."callId" = y.id`,
      q.year, q.quarter,
    );
    const mismatches = r.onlyJob + r.onlyCalc + r.amounts;
    console.log(`bench money: computing yardstick vs job: ${r.calls} calls, ${mismatches} amount mismatches (job only ${r.onlyJob}, yardstick only ${r.onlyCalc}, amounts ${r.amounts}), ${r.explanations} explanation mismatches`);
    if (mismatches > 0 || r.explanations > 0) {
      const sample = await db.$queryRawUnsafe<unknown[]>(
        `WITH job AS (SELECT * FROM "ContributionCall" WHERE year = $1::int AND quarter = $2::int AND kind = 'PROVISIONAL')
         SELECT coalesce(j."affiliateId", y."affiliateId") AS "affiliateId", j."totalCents" AS job, y."totalCents" AS calc,
           j.breakdown::text AS "jobBreakdown", y.breakdown::text AS "calcBreakdown"
         FROM job j FULL JOIN ${calls} y ON y."affiliateId" = j."affiliateId"
         WHERE j.id IS NULL OR y.id IS NULL OR j."totalCents" <> y."totalCents" OR j.breakdown::jsonb <> y.breakdown::jsonb LIMIT 3`, q.year, q.quarter);
      throw new Error(`computing yardstick differs from the job: ${mismatches} amount and ${r.explanations} explanation mismatches, e.g. ${JSON.stringify(sample)}`);
    }
    await db.$executeRawUnsafe(drop);
    drop = await twins();
    const without = await timed(false);
    return { ms, calls: r.calls, ledger: ledgerRows, mismatches, explanationMismatches: r.explanations, withoutExplanationMs: without.ms };
  } finally {
    await db.$executeRawUnsafe(drop);
  }
}

/** What the explanation weighs in the quarter's calls (a 10 % sample of pages): its stored size, the whole call row's,
 *  and the bytes the quarter's calls and ledger rows take with their indexes — an estimate of its share of the writes. */
export async function explanationShare(db: PrismaClient, q: Quarter) {
  const [r] = await db.$queryRawUnsafe<{ explanationBytes: number; callRowBytes: number; callTableBytes: number; ledgerTableBytes: number }[]>(
    `SELECT round(avg(pg_column_size(c.breakdown)))::int AS "explanationBytes", round(avg(pg_column_size(c.*)))::int AS "callRowBytes",
       pg_total_relation_size('"ContributionCall"')::bigint::float8 AS "callTableBytes", pg_total_relation_size('"LedgerEntry"')::bigint::float8 AS "ledgerTableBytes"
     FROM "ContributionCall" c TABLESAMPLE SYSTEM (10) WHERE c.year = $1::int AND c.quarter = $2::int AND c.kind = 'PROVISIONAL'`, q.year, q.quarter);
  return r;
}
