// Benchmark of the service-commitment dashboards at national scale.
//   node_modules/.bin/tsx scripts/with-db.ts --db h7_bench --fresh -- node_modules/.bin/tsx bench/dashboards.ts
// BENCH_AFFILIATES (default 1 300 000) sets the size. Generates, with set-based SQL only (generate_series), the
// affiliates, their affiliations and category periods, 3 years of quarterly calls (2024–2026) with their ledger
// (CALL + FEE debits, payments for most, allocations), surcharges, requests with their events, benefits and
// recovery steps (bench/national.ts: one transaction, indexes rebuilt after the load, row triggers off); then refreshes the KpiFact table (full, then incremental) and times each dashboard query
// against the 300 ms target, printing the ratio. Refuses to run on a database whose name lacks "bench".
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { refreshKpiFacts } from "@/lib/kpi/refresh";
import { dashboardData, drilldownData, publicData } from "@/lib/kpi/queries";
import { inastiFigures } from "@/lib/kpi/inasti";
import { generateNational, step, TODAY } from "./national";

const N = Number(process.env.BENCH_AFFILIATES ?? 1_300_000);
const TARGET_MS = 300;

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL unset: run through scripts/with-db.ts --db <name>_bench");
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });

async function time(label: string, fn: () => Promise<unknown>) {
  await fn(); // warm-up (plans, caches)
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await fn();
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  const median = runs[2];
  const ratio = median / TARGET_MS;
  console.log(`${label.padEnd(58)} ${median.toFixed(0).padStart(6)} ms  ratio ${ratio.toFixed(2)}  ${ratio <= 1 ? "OK" : "SLOW"}`);
  return ratio <= 1;
}

async function main() {
  const [{ db: name }] = await db.$queryRawUnsafe<{ db: string }[]>(`select current_database()::text as db`);
  if (!name.includes("bench")) throw new Error(`refusing to generate into "${name}": use a database named *bench*`);
  console.log(`bench/dashboards.ts — ${N.toLocaleString("en")} affiliates, 2024–2026, today ${TODAY}, target ${TARGET_MS} ms`);
  if (!process.env.BENCH_SKIP_GENERATE) await generateNational(db, N);
  await step("refresh KpiFact (full)", () => refreshKpiFacts(db, TODAY, { full: true }));
  await db.$executeRawUnsafe(`insert into "RequestEvent" ("requestId", at, "fromStatus", "toStatus") select id, now(), 'IN_REVIEW', 'ACCEPTED' from "Request" where status = 'IN_REVIEW' limit 100`);
  await db.$executeRawUnsafe(`update "Request" set status = 'ACCEPTED', "updatedAt" = now() where id in (select "requestId" from "RequestEvent" where at > now() - interval '1 minute')`);
  await step("refresh KpiFact (incremental, 100 requests decided)", () => refreshKpiFacts(db, TODAY));
  await step("refresh KpiFact (incremental, nothing new)", () => refreshKpiFacts(db, TODAY));
  const [{ n }] = await db.$queryRawUnsafe<{ n: bigint }[]>(`select count(*) as n from "KpiFact"`);
  console.log(`KpiFact rows: ${n}`);
  const results = [
    await time("dashboard, last 12 months", () => dashboardData(db, {}, TODAY)),
    await time("dashboard, 36 months", () => dashboardData(db, { from: "2024-01", to: "2026-11" }, TODAY)),
    await time("dashboard, filtered (category MAIN, advisor, type)", () => dashboardData(db, { category: "MAIN", advisor: "adv7", type: "QUESTION" }, TODAY)),
    await time("public /performance", () => publicData(db, TODAY)),
    await time("drill-down decision_4m, one month", () => drilldownData(db, "decision_4m", { from: "2026-10", to: "2026-10" }, TODAY)),
    await time("drill-down answer_45d, one month, one advisor", () => drilldownData(db, "answer_45d", { from: "2026-10", to: "2026-10", advisor: "adv7" }, TODAY)),
    await time("drill-down collection_rate, one month (top 500 debts)", () => drilldownData(db, "collection_rate", { from: "2026-09", to: "2026-09" }, TODAY)),
    await time("drill-down contact_before_judicial, 12 months", () => drilldownData(db, "contact_before_judicial", {}, TODAY)),
  ];
  await step("INASTI statistics file, one year (not a dashboard)", () => inastiFigures(db, 2025));
  console.log(results.every(Boolean) ? "all dashboard queries within target" : "some dashboard queries above target");
}

main()
  .catch((e) => { console.error(e); process.exitCode = 1; })
  .finally(() => db.$disconnect());
