// Money operations benchmark (issue 4): ≥ 300,000 affiliates generated set-based in SQL, then
//  - the quarterly-calls job over all of them vs a plain set-based INSERT … SELECT of the same call rows;
//  - a CODA import of N movements (each paying a bench call by its structured communication) vs a plain
//    set-based INSERT of the same payment rows.
// Prints the times and the ratios (job / plain SQL). A benchmark, not a test. Run through bench/run.ts
// (`npm run bench`) or alone: tsx scripts/with-db.ts --db bench -- tsx bench/money.ts
// BENCH_AFFILIATES (default 300000) and BENCH_CODA_MOVEMENTS (default 5000) change the sizes.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { importCodaJob } from "@/lib/jobs/import-coda";
import { quarterlyCallsJob } from "@/lib/jobs/quarterly-calls";
import { runJob } from "@/lib/jobs/runner";
import { buildCoda } from "../tests/fixtures/coda/builder";

const AFFILIATES = Math.max(1, Number(process.env.BENCH_AFFILIATES ?? 300_000));
const MOVEMENTS = Math.max(1, Number(process.env.BENCH_CODA_MOVEMENTS ?? 5_000));
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
    await cleanup(db);

    // 1. quarterly calls: the job vs a plain INSERT … SELECT of the same rows into a scratch copy
    const job = await time(`quarterly-calls job ${QUARTER}`, () => runJob(quarterlyCallsJob, { quarter: QUARTER }, { prisma: db, today: TODAY }));
    if (!job.value.ok) throw new Error(`quarterly-calls failed: ${JSON.stringify(job.value)}`);
    const created = job.value.result.counts.created;
    await db.$executeRawUnsafe(`DROP TABLE IF EXISTS bench_call_copy`);
    await db.$executeRawUnsafe(`CREATE UNLOGGED TABLE bench_call_copy (LIKE "ContributionCall" INCLUDING ALL)`);
    const plainCalls = await time(`plain SQL insert of the same ${created} calls`, () =>
      db.$executeRawUnsafe(`INSERT INTO bench_call_copy SELECT * FROM "ContributionCall" WHERE year = 2026 AND quarter = 1 AND kind = 'PROVISIONAL'`));
    await db.$executeRawUnsafe(`DROP TABLE bench_call_copy`);
    // not timed: statistics as autovacuum would have them by the time a bank statement pays these calls
    await db.$executeRawUnsafe(`VACUUM ANALYZE "ContributionCall"`);
    await db.$executeRawUnsafe(`VACUUM ANALYZE "LedgerEntry"`);

    // 2. CODA import of N credits paying bench calls by their structured communication
    const calls = await db.$queryRawUnsafe<{ communication: string; total: number }[]>(
      `SELECT "structuredCommunication" AS communication, "totalCents" AS total FROM "ContributionCall" WHERE "affiliateId" LIKE 'bm-%' AND year = 2026 AND quarter = 1 ORDER BY id LIMIT $1::int`, MOVEMENTS);
    const coda = buildCoda({
      account: "BE62510007547061", sequence: 1 + (Date.now() % 900), on: "2026-03-25", openingCents: 0,
      movements: calls.map((c, i) => ({ amountCents: c.total, valueOn: "2026-03-24", ogm: c.communication, counterpartyIban: "BE80001000000177", counterpartyName: `BENCH ${i}` })),
    });
    const file = path.join(mkdtempSync(path.join(tmpdir(), "bench-money-")), `bench-money-${Date.now()}.cod`);
    writeFileSync(file, coda, "latin1");
    const imp = await time(`import-coda job, ${calls.length} movements`, () => runJob(importCodaJob, { file }, { prisma: db, today: "2026-03-26" }));
    if (!imp.value.ok) throw new Error(`import-coda failed: ${JSON.stringify(imp.value)}`);
    await db.$executeRawUnsafe(`DROP TABLE IF EXISTS bench_payment_copy`);
    await db.$executeRawUnsafe(`CREATE UNLOGGED TABLE bench_payment_copy (LIKE "Payment" INCLUDING ALL)`);
    const rows = calls.map((c, i) => ({ id: `bmp-${i}`, source: "CODA", status: "MATCHED", amountCents: c.total, valueOn: "2026-03-24", counterpartyName: `BENCH ${i}`, counterpartyIban: "BE80001000000177", communication: c.communication, bankReference: `BENCHMONEY:${i}`, createdAt: new Date().toISOString() }));
    const plainPayments = await time(`plain SQL insert of the same ${rows.length} payment rows`, () =>
      db.$executeRawUnsafe(`INSERT INTO bench_payment_copy SELECT * FROM json_populate_recordset(NULL::bench_payment_copy, $1::json)`, JSON.stringify(rows)));
    await db.$executeRawUnsafe(`DROP TABLE bench_payment_copy`);

    const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(1) : "∞");
    console.log(JSON.stringify({
      bench: "money", affiliates: AFFILIATES, callsCreated: created,
      quarterlyCallsMs: Math.round(job.ms), plainCallsInsertMs: Math.round(plainCalls.ms), quarterlyCallsRatio: ratio(job.ms, plainCalls.ms),
      codaMovements: calls.length, codaMatched: imp.value.result.counts.matched, importCodaMs: Math.round(imp.ms), plainPaymentInsertMs: Math.round(plainPayments.ms), importCodaRatio: ratio(imp.ms, plainPayments.ms),
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
