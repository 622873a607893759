// Money operations benchmark: ≥ 300,000 affiliates generated set-based in SQL, then
//  - the quarterly-calls job over all of them vs a plain set-based INSERT … SELECT of the same rows (the calls and
//    their two ledger debits each) into twin tables with the same indexes and foreign keys;
//  - a CODA import of N movements (each paying a bench call by its structured communication) vs a plain
//    set-based INSERT … SELECT of the same rows (payments, their ledger credits and allocations), likewise; five
//    statements paying other calls, the median ratio reported.
// The quarterly run is also compared with a *computing* yardstick (bench/money-yardstick.ts): the same calls computed
// set-based in one SQL statement from the affiliations, incomes and legal parameters, checked amount by amount against
// the job's (the bench throws on any difference). The plain copy says what writing the rows costs; the computing
// yardstick what computing and writing them in the database alone costs, and the ≤ 3× target refers to it.
// Prints the times and the ratios (job / plain SQL, job / computing SQL). A benchmark, not a test. Run through bench/run.ts
// (`npm run bench`) or alone: tsx scripts/with-db.ts --db bench -- tsx bench/money.ts
// BENCH_AFFILIATES (default 300000) and BENCH_CODA_MOVEMENTS (default 5000) change the sizes.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { importCodaJob } from "@/lib/jobs/import-coda";
import { parseQuarter, quarterlyCallsJob } from "@/lib/jobs/quarterly-calls";
import { runJob } from "@/lib/jobs/runner";
import { listParameterFigures, parametersFor, quarterStart } from "@/lib/domain";
import { computingCallsOf, createTwins, explanationShare, type Copy } from "./money-yardstick";
import { buildCoda } from "../tests/fixtures/coda/builder";

const AFFILIATES = Math.max(1, Number(process.env.BENCH_AFFILIATES ?? 300_000));
const MOVEMENTS = Math.max(1, Number(process.env.BENCH_CODA_MOVEMENTS ?? 5_000));
const CODA_ROUNDS = 5;
const QUARTER = "2026-Q1";
const TODAY = "2026-01-02";
const FIRST_MEMBER = 600_000; // bench dossiers are 600001… (6 digits: the structured communication needs it)

async function time<T>(label: string, fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  console.log(`bench money: ${label}: ${ms.toFixed(0)} ms`);
  return { ms, value };
}

/** Removes the previous run's bench rows. Ledger rows are immutable and Payment deletions would check every
 *  ledger row for references (no index on LedgerEntry.paymentId): on the bench database only, this cleanup runs
 *  with triggers off (session_replication_role = replica: the embedded server's user is a superuser), children
 *  first, then VACUUM ANALYZE so that every run starts from the same, unbloated tables. */
async function cleanup(db: PrismaClient) {
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
    await tx.$executeRawUnsafe(`DELETE FROM "PaymentAllocation" pa USING "LedgerEntry" e WHERE pa."paymentEntryId" = e.id AND e."affiliateId" LIKE 'bm-%'`);
    await tx.$executeRawUnsafe(`DELETE FROM "PaymentAllocation" pa USING "LedgerEntry" e WHERE pa."targetEntryId" = e.id AND e."affiliateId" LIKE 'bm-%'`);
    await tx.$executeRawUnsafe(`DELETE FROM "LedgerEntry" WHERE "affiliateId" LIKE 'bm-%'`);
    await tx.$executeRawUnsafe(`DELETE FROM "Payment" WHERE "bankReference" LIKE 'BENCHMONEY:%' OR "affiliateId" LIKE 'bm-%' OR "statementId" IN (SELECT id FROM "BankStatement" WHERE "fileName" LIKE 'bench-money-%')`);
    await tx.$executeRawUnsafe(`DELETE FROM "BankStatement" WHERE "fileName" LIKE 'bench-money-%'`);
    await tx.$executeRawUnsafe(`DELETE FROM "ContributionCall" WHERE "affiliateId" LIKE 'bm-%'`);
  }, { timeout: 1_800_000 });
  for (const t of ["PaymentAllocation", "LedgerEntry", "Payment", "BankStatement", "ContributionCall"]) await db.$executeRawUnsafe(`VACUUM ANALYZE "${t}"`);
}

/** The yardstick of a job: the rows it wrote, inserted again by plain set-based INSERT … SELECTs into twin tables with
 *  the same columns, defaults, indexes and foreign keys, logged like the real ones. Only the INSERTs are timed (one
 *  transaction); the twins are dropped afterwards. Returns the rows inserted per twin. */
async function plainInsertOf(db: PrismaClient, copies: Copy[]): Promise<{ ms: number; rows: Record<string, number> }> {
  const drop = await createTwins(db, copies);
  const t0 = performance.now();
  const rows: Record<string, number> = {};
  await db.$transaction(async (tx) => {
    for (const c of copies) rows[c.table] = await tx.$executeRawUnsafe(`INSERT INTO ${c.twin} ${c.select}`);
  }, { timeout: 600_000 });
  const ms = performance.now() - t0;
  await db.$executeRawUnsafe(drop);
  return { ms, rows };
}

async function generate(db: PrismaClient) {
  const [{ n }] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "Affiliate" WHERE id LIKE 'bm-%'`);
  if (n >= AFFILIATES) return console.log(`bench money: ${n} bench affiliates already there`);
  await time(`generate ${AFFILIATES} affiliates (set-based SQL)`, async () => {
    await db.$executeRawUnsafe(`INSERT INTO "Person" (id, niss, "firstName", "lastName", "birthDate", sex, street, "postalCode", city, "updatedAt")
      SELECT 'bm-p' || i, '9' || lpad(i::text, 10, '0'), 'Bench', 'Affilie ' || i, DATE '1970-01-01' + (i % 15000), CASE WHEN i % 2 = 0 THEN 'F' ELSE 'M' END::"Sex",
        'Rue ' || i, '1000', 'Bruxelles', now()
      FROM generate_series(1, $1::int) i ON CONFLICT DO NOTHING`, AFFILIATES);
    await db.$executeRawUnsafe(`INSERT INTO "Affiliate" (id, "memberNumber", kind, "personId")
      SELECT 'bm-' || i, ($2::int + i)::text, 'PERSON', 'bm-p' || i FROM generate_series(1, $1::int) i ON CONFLICT DO NOTHING`, AFFILIATES, FIRST_MEMBER);
    await db.$executeRawUnsafe(`INSERT INTO "Affiliation" (id, "affiliateId", "startOn", status)
      SELECT 'bm-af' || i, 'bm-' || i, DATE '2015-01-01', 'ACTIVE' FROM generate_series(1, $1::int) i
      WHERE EXISTS (SELECT 1 FROM "Affiliate" a WHERE a.id = 'bm-' || i) ON CONFLICT DO NOTHING`, AFFILIATES);
    await db.$executeRawUnsafe(`INSERT INTO "CategoryPeriod" (id, "affiliationId", category, "fromOn")
      SELECT 'bm-cp' || i, 'bm-af' || i, CASE WHEN i % 5 = 0 THEN 'COMPLEMENTARY' ELSE 'MAIN' END::"Category", DATE '2015-01-01'
      FROM generate_series(1, $1::int) i WHERE EXISTS (SELECT 1 FROM "Affiliation" af WHERE af.id = 'bm-af' || i) ON CONFLICT DO NOTHING`, AFFILIATES);
    await db.$executeRawUnsafe(`INSERT INTO "IncomeRecord" (id, "personId", year, "incomeCents", source)
      SELECT 'bm-ir' || i, 'bm-p' || i, 2023, 1500000 + (i % 97) * 100000, 'seed' FROM generate_series(1, $1::int) i
      WHERE EXISTS (SELECT 1 FROM "Person" p WHERE p.id = 'bm-p' || i) ON CONFLICT DO NOTHING`, AFFILIATES);
  });
  await db.$executeRawUnsafe(`ANALYZE`);
}

export async function run(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run through scripts/with-db.ts");
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    await db.fund.upsert({ where: { id: 1 }, update: {}, create: { id: 1, name: "Caisse bench", iban: "BE62510007547061", bic: "GKCCBEBB", creditorId: "BE12ZZZ0456810810", managementFeeBp: 305, address: "Rue 1", phone: "02", email: "bench@example.invalid" } });
    await generate(db);
    const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(1) : "∞");
    // the year's figures in the reference table, as the seed writes them: the job overlays them on the code's set and
    // the computing yardstick reads them from there (a fresh bench database has none)
    const q = parseQuarter(QUARTER);
    if ((await db.legalParameter.count({ where: { year: q.year } })) === 0) {
      await db.legalParameter.createMany({
        data: listParameterFigures(parametersFor(q.year)).map((row) => ({
          year: row.year, key: row.key, unit: row.unit, value: row.valueCents ?? row.valueBp ?? row.valueCount ?? row.numerator ?? null,
          denominator: row.denominator ?? null, source: row.source, status: row.status, note: row.note ?? null,
        })),
      });
    }
    await cleanup(db);

    // 1. quarterly calls: the job vs a plain INSERT … SELECT of the same rows into a scratch copy
    const job = await time(`quarterly-calls job ${QUARTER}`, () => runJob(quarterlyCallsJob, { quarter: QUARTER }, { prisma: db, today: TODAY }));
    if (!job.value.ok) throw new Error(`quarterly-calls failed: ${JSON.stringify(job.value)}`);
    const created = job.value.result.counts.created;
    const plainCalls = await plainInsertOf(db, [
      { table: "ContributionCall", twin: "bench_call_copy", select: `SELECT * FROM "ContributionCall" WHERE year = 2026 AND quarter = 1 AND kind = 'PROVISIONAL'` },
      { table: "LedgerEntry", twin: "bench_ledger_copy", twinRefs: { callId: "bench_call_copy" },
        select: `SELECT e.* FROM "LedgerEntry" e JOIN bench_call_copy c ON c.id = e."callId" WHERE e.kind IN ('CALL', 'FEE')` },
    ]);
    console.log(`bench money: plain SQL insert of the same rows (${JSON.stringify(plainCalls.rows)}): ${plainCalls.ms.toFixed(0)} ms`);
    // the computing yardstick: same calls from the same inputs, compared with the job's (throws on any difference)
    const computing = await computingCallsOf(db, q, TODAY < quarterStart(q) ? TODAY : quarterStart(q));
    console.log(`bench money: computing SQL of the same calls (${computing.calls} calls, ${computing.ledger} ledger rows): ${computing.ms.toFixed(0)} ms`);
    const share = await explanationShare(db, q);
    console.log(`bench money: computing SQL with an empty explanation: ${computing.withoutExplanationMs.toFixed(0)} ms; explanation ${share.explanationBytes} B of a ${share.callRowBytes} B call row`);
    console.log(`bench money: quarterly-calls job / plain copy ${ratio(job.ms, plainCalls.ms)}×, job / computing SQL ${ratio(job.ms, computing.ms)}×`);
    // not timed: statistics as autovacuum would have them by the time a bank statement pays these calls
    await db.$executeRawUnsafe(`VACUUM ANALYZE "ContributionCall"`);
    await db.$executeRawUnsafe(`VACUUM ANALYZE "LedgerEntry"`);

    // 2. CODA import of N credits paying bench calls by their structured communication; five statements, each
    // paying other calls, each followed by its yardstick; the median ratio is reported, and all five (the first
    // statement meets a cold process and cold pages and is always the slowest)
    const codaRuns: { ms: number; plainMs: number; matched: number; rows: Record<string, number> }[] = [];
    for (let round = 0; round < CODA_ROUNDS; round++) {
      const calls = await db.$queryRawUnsafe<{ communication: string; total: number }[]>(
        `SELECT "structuredCommunication" AS communication, "totalCents" AS total FROM "ContributionCall" WHERE "affiliateId" LIKE 'bm-%' AND year = 2026 AND quarter = 1
         ORDER BY id LIMIT $1::int OFFSET $2::int`, MOVEMENTS, round * MOVEMENTS);
      const coda = buildCoda({
        account: "BE62510007547061", sequence: 1 + ((Date.now() + round) % 900), on: "2026-03-25", openingCents: 0,
        movements: calls.map((c, i) => ({ amountCents: c.total, valueOn: "2026-03-24", ogm: c.communication, counterpartyIban: "BE80001000000177", counterpartyName: `BENCH ${i}` })),
      });
      const file = path.join(mkdtempSync(path.join(tmpdir(), "bench-money-")), `bench-money-${Date.now()}-${round}.cod`);
      writeFileSync(file, coda, "latin1");
      const imp = await time(`import-coda job, ${calls.length} movements`, () => runJob(importCodaJob, { file }, { prisma: db, today: "2026-03-26" }));
      if (!imp.value.ok) throw new Error(`import-coda failed: ${JSON.stringify(imp.value)}`);
      const plain = await plainInsertOf(db, [
        { table: "Payment", twin: "bench_payment_copy",
          select: `SELECT p.* FROM "Payment" p JOIN "BankStatement" b ON b.id = p."statementId" WHERE b."fileName" = '${path.basename(file)}'` },
        { table: "LedgerEntry", twin: "bench_credit_copy", twinRefs: { paymentId: "bench_payment_copy" },
          select: `SELECT e.* FROM "LedgerEntry" e JOIN bench_payment_copy p ON p.id = e."paymentId"` },
        { table: "PaymentAllocation", twin: "bench_allocation_copy", twinRefs: { paymentEntryId: "bench_credit_copy" },
          select: `SELECT pa.* FROM "PaymentAllocation" pa JOIN bench_credit_copy e ON e.id = pa."paymentEntryId"` },
      ]);
      console.log(`bench money: plain SQL insert of the same rows (${JSON.stringify(plain.rows)}): ${plain.ms.toFixed(0)} ms`);
      codaRuns.push({ ms: imp.ms, plainMs: plain.ms, matched: imp.value.result.counts.matched, rows: plain.rows });
    }
    const coda = [...codaRuns].sort((x, y) => x.ms / x.plainMs - y.ms / y.plainMs)[Math.floor(codaRuns.length / 2)];

    console.log(JSON.stringify({
      bench: "money", affiliates: AFFILIATES, callsCreated: created,
      quarterlyCallsMs: Math.round(job.ms), plainCallsRows: plainCalls.rows, plainCallsInsertMs: Math.round(plainCalls.ms), quarterlyCallsRatio: ratio(job.ms, plainCalls.ms),
      computingCallsMs: Math.round(computing.ms), computingCallsMismatches: computing.mismatches, quarterlyCallsRatioComputing: ratio(job.ms, computing.ms),
      computingCallsWithoutExplanationMs: Math.round(computing.withoutExplanationMs), ...share,
      codaMovements: MOVEMENTS, codaRounds: CODA_ROUNDS, codaMatched: coda.matched, importCodaMs: Math.round(coda.ms), plainCodaRows: coda.rows, plainCodaInsertMs: Math.round(coda.plainMs),
      importCodaRatio: ratio(coda.ms, coda.plainMs), importCodaRatios: codaRuns.map((r) => ratio(r.ms, r.plainMs)),
    }));
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  run().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
