// Benchmark of the service-commitment dashboards at national scale.
//   node_modules/.bin/tsx scripts/with-db.ts --db h7_bench --fresh -- node_modules/.bin/tsx bench/dashboards.ts
// BENCH_AFFILIATES (default 1 300 000) sets the size. Generates, with set-based SQL only (generate_series), the
// affiliates, their affiliations and category periods, 3 years of quarterly calls (2024–2026) with their ledger
// (CALL + FEE debits, payments for most, allocations), surcharges, requests with their events, benefits and
// recovery steps (in one transaction, indexes rebuilt after the load, row triggers off: see generate()); then refreshes the KpiFact table (full, then incremental) and times each dashboard query
// against the 300 ms target, printing the ratio. Refuses to run on a database whose name lacks "bench".
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { refreshKpiFacts } from "@/lib/kpi/refresh";
import { dashboardData, drilldownData, publicData } from "@/lib/kpi/queries";
import { inastiFigures } from "@/lib/kpi/inasti";

const N = Number(process.env.BENCH_AFFILIATES ?? 1_300_000);
const TODAY = "2026-11-28";
const TARGET_MS = 300;
const ADVISORS = 60;

const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL unset: run through scripts/with-db.ts --db <name>_bench");
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });

async function step<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await fn();
  console.log(`${label.padEnd(58)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(7)} s`);
  return r;
}

type Exec = Pick<PrismaClient, "$executeRawUnsafe" | "$queryRawUnsafe">;
let tx: Exec = db;

async function sql(label: string, text: string) {
  await step(label, () => tx.$executeRawUnsafe(text));
}

/** The tables the generation fills: their secondary indexes are dropped before the load and rebuilt after it. */
const LOADED = ["Person", "Company", "Affiliate", "Affiliation", "CategoryPeriod", "ContributionCall", "LedgerEntry", "PaymentAllocation",
  "Request", "RequestEvent", "BenefitClaim", "BenefitPayment", "RecoveryCase", "RecoveryStep"];

/**
 * One transaction, set-based: with session_replication_role = replica the row triggers (foreign-key checks, the
 * ledger's immutability guard, the surname dictionary) do not fire — the generated rows are consistent by
 * construction — and the secondary indexes are built once at the end instead of maintained row by row.
 */
async function generate() {
  await db.$transaction(async (t) => {
    tx = t;
    await tx.$executeRawUnsafe(`set local session_replication_role = replica`);
    await tx.$executeRawUnsafe(`set local maintenance_work_mem = '512MB'`);
    await tx.$executeRawUnsafe(`set local work_mem = '128MB'`);
    await tx.$executeRawUnsafe(`set local synchronous_commit = off`);
    const indexes = await tx.$queryRawUnsafe<{ name: string; def: string }[]>(
      `select i.indexname::text as name, i.indexdef::text as def from pg_indexes i
        where i.schemaname = 'public' and i.tablename = any($1::text[]) and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`, LOADED);
    await step(`drop ${indexes.length} secondary indexes`, async () => { for (const i of indexes) await tx.$executeRawUnsafe(`drop index "${i.name}"`); });
    await load();
    await step(`rebuild ${indexes.length} secondary indexes`, async () => { for (const i of indexes) await tx.$executeRawUnsafe(i.def); });
    // the surname dictionary the trigger would have filled (name search; not used by the dashboards)
    await sql("surname dictionary", `insert into "NameKey" (key) select distinct "searchLastName" from "Person" on conflict do nothing`);
  }, { timeout: 4 * 3600_000, maxWait: 60_000 });
  tx = db;
  await sql("analyze", `analyze`);
}

async function load() {
  await sql("truncate", `truncate "KpiFact", "JobRun", "RequestEvent", "Request", "BenefitPayment", "BenefitClaim", "RecoveryStep", "RecoveryCase",
    "PaymentAllocation", "LedgerEntry", "ContributionCall", "CategoryPeriod", "Affiliation", "Affiliate", "Person", "Company", "NameKey", "User" restart identity cascade`);
  await sql("advisors", `insert into "User" (id, email, "passwordHash", role, name)
    select 'adv' || i, 'adv' || i || '@bench.caisse.be', 'x', 'ADVISOR', 'Advisor ' || i from generate_series(1, ${ADVISORS}) i`);
  await sql("persons", `insert into "Person" (id, niss, "firstName", "lastName", "birthDate", sex, street, "postalCode", city, "updatedAt")
    select 'n' || i, lpad(i::text, 11, '0'), 'First' || i, 'Last' || i, date '1960-01-01' + (i % 12000), (case when i % 2 = 0 then 'F' else 'M' end)::"Sex",
           'Rue ' || i, '1000', 'Bruxelles', now() from generate_series(1, ${N}) i where i % 20 <> 0`);
  await sql("companies", `insert into "Company" (id, "enterpriseNumber", name, "legalForm", "createdOn", street, "postalCode", city)
    select 'co' || i, '0' || lpad(i::text, 9, '0'), 'Company ' || i, 'SRL', date '2010-01-01', 'Rue ' || i, '1000', 'Bruxelles'
      from generate_series(20, ${N}, 20) i`);
  await sql(`affiliates (${N.toLocaleString("en")})`, `insert into "Affiliate" (id, "memberNumber", kind, "personId", "companyId", "advisorId")
    select 'a' || i, lpad(i::text, 9, '0'), (case when i % 20 = 0 then 'COMPANY' else 'PERSON' end)::"AffiliateKind",
           case when i % 20 <> 0 then 'n' || i end, case when i % 20 = 0 then 'co' || i end, 'adv' || (1 + i % ${ADVISORS})
      from generate_series(1, ${N}) i`);
  await sql("affiliations", `insert into "Affiliation" (id, "affiliateId", "startOn", "endOn", status)
    select 'f' || i, 'a' || i, date '2015-01-01' + (i % 3650), case when i % 37 = 0 then date '2026-06-30' end,
           (case when i % 37 = 0 then 'ENDED' else 'ACTIVE' end)::"AffiliationStatus" from generate_series(1, ${N}) i`);
  await sql("category periods", `insert into "CategoryPeriod" (id, "affiliationId", category, "fromOn")
    select 'p' || i, 'f' || i, (array['MAIN','MAIN','MAIN','COMPLEMENTARY','COMPLEMENTARY','HELPING_SPOUSE','STUDENT','ACTIVE_PENSIONER','ART37'])[1 + i % 9]::"Category",
           date '2015-01-01' + (i % 3650) from generate_series(1, ${N}) i where i % 20 <> 0`);
  // 12 quarters × N calls: issued on the quarter's first day, due on its last day
  await sql("contribution calls (12 quarters)", `insert into "ContributionCall" (id, "affiliateId", kind, year, quarter, category, "contributionCents", "managementFeeCents", "totalCents",
      "structuredCommunication", "issuedOn", "dueOn", breakdown)
    select 'c' || i || '-' || q, 'a' || i, 'PROVISIONAL', 2024 + (q - 1) / 4, 1 + (q - 1) % 4,
           (array['MAIN','MAIN','MAIN','COMPLEMENTARY','COMPLEMENTARY','HELPING_SPOUSE','STUDENT','ACTIVE_PENSIONER','ART37'])[1 + i % 9]::"Category",
           80000 + (i % 1000) * 10, 2440, 82440 + (i % 1000) * 10,
           lpad(((i::bigint * 12 + q) % 10000000000)::text, 10, '0') || lpad((((i::bigint * 12 + q) % 10000000000) % 97)::text, 2, '0'),
           make_date(2024 + (q - 1) / 4, 1 + 3 * ((q - 1) % 4), 1) - case when i % 250 = 0 then -80 else 0 end,
           (make_date(2024 + (q - 1) / 4, 1 + 3 * ((q - 1) % 4), 1) + interval '3 months' - interval '1 day')::date, '[]'
      from generate_series(1, ${N}) i, generate_series(1, 12) q where i % 20 <> 0`);
  await sql("company contributions (3 years)", `insert into "ContributionCall" (id, "affiliateId", kind, year, quarter, category, "contributionCents", "managementFeeCents", "totalCents",
      "structuredCommunication", "issuedOn", "dueOn", breakdown)
    select 'c' || i || '-y' || y, 'a' || i, 'COMPANY', y, 0, null, 34776, 0, 34776,
           '9' || lpad(((i::bigint * 3 + y) % 1000000000)::text, 9, '0') || lpad((((i::bigint * 3 + y) % 1000000000) % 97)::text, 2, '0'),
           make_date(y, 4, 1), make_date(y, 6, 30), '[]'
      from generate_series(20, ${N}, 20) i, generate_series(2024, 2026) y`);
  await sql("ledger: CALL debits", `insert into "LedgerEntry" ("affiliateId", kind, "amountCents", "bookedOn", "callId", "reasonCode")
    select "affiliateId", 'CALL', "totalCents", "issuedOn", id, 'call' from "ContributionCall"`);
  await sql("ledger: payments (92 % of due calls)", `insert into "LedgerEntry" ("affiliateId", kind, "amountCents", "bookedOn", "reasonCode", "uniqueKey")
    select "affiliateId", 'PAYMENT', -"totalCents", "dueOn" - (hashtext(id) & 15), 'payment', 'pay:' || id from "ContributionCall"
     where "dueOn" < date '${TODAY}' and (hashtext(id) & 1023) < 942`);
  await sql("payment allocations", `insert into "PaymentAllocation" ("paymentEntryId", "targetEntryId", "amountCents")
    select p.id, l.id, l."amountCents" from "LedgerEntry" l join "LedgerEntry" p on p."uniqueKey" = 'pay:' || l."callId" where l.kind = 'CALL'`);
  await sql("surcharges (unpaid calls)", `insert into "LedgerEntry" ("affiliateId", kind, "amountCents", "bookedOn", "callId", "reasonCode")
    select "affiliateId", 'SURCHARGE', "totalCents" * 3 / 100, "dueOn" + 90, id, 'surcharge' from "ContributionCall"
     where "dueOn" + 90 < date '${TODAY}' and (hashtext(id) & 1023) >= 942`);
  const R = Math.round(N * 0.15); // requests over 3 years
  await sql(`requests (${R.toLocaleString("en")})`, `insert into "Request" (id, reference, type, status, "affiliateId", "filedOn", "informationDueOn", "decisionDueOn", "assigneeId", "decidedAt", "updatedAt")
    select 'r' || i, 'B-' || lpad(i::text, 9, '0'), t.type::"RequestType", t.status::"RequestStatus", 'a' || (1 + (i::bigint * 7919) % ${N}), t.filed, t.filed + 45,
           (t.filed + interval '4 months')::date, 'adv' || (1 + i % ${ADVISORS}), case when t.status in ('ACCEPTED','REFUSED','CLOSED') then t.decided end,
           case when t.status in ('ACCEPTED','REFUSED','CLOSED') then t.decided else t.filed + interval '1 day 10 hours' end
      from generate_series(1, ${R}) i,
      lateral (select (array['AFFILIATION','PAYMENT_PLAN','REDUCTION','EXEMPTION','SURCHARGE_WAIVER','QUESTION','QUESTION','COMPLAINT','MATERNITY_AID','BRIDGING_RIGHT'])[1 + i % 10] as type,
                      date '2024-01-01' + (i % 1060) as filed,
                      (date '2024-01-01' + (i % 1060) + (5 + ((i::bigint * 31) % 140)::int))::timestamptz as decided,
                      case when date '2024-01-01' + (i % 1060) + (5 + ((i::bigint * 31) % 140)::int) < date '${TODAY}'
                           then (array['ACCEPTED','REFUSED','CLOSED','ACCEPTED'])[1 + i % 4] else 'IN_REVIEW' end as status) t`);
  await sql("request events", `insert into "RequestEvent" ("requestId", at, "fromStatus", "toStatus")
    select id, "filedOn"::timestamptz + interval '10 hours', null::"RequestStatus", 'SUBMITTED'::"RequestStatus" from "Request"
    union all select id, "filedOn"::timestamptz + interval '1 day 10 hours', 'SUBMITTED'::"RequestStatus", 'IN_REVIEW'::"RequestStatus" from "Request"
    union all select id, "filedOn"::timestamptz + interval '10 days', 'IN_REVIEW'::"RequestStatus", 'INFORMATION_REQUESTED'::"RequestStatus" from "Request" where hashtext(id) & 7 = 0 and "decidedAt" > "filedOn" + 20
    union all select id, "filedOn"::timestamptz + interval '20 days', 'INFORMATION_REQUESTED'::"RequestStatus", 'IN_REVIEW'::"RequestStatus" from "Request" where hashtext(id) & 7 = 0 and "decidedAt" > "filedOn" + 20
    union all select id, "decidedAt", 'IN_REVIEW'::"RequestStatus", status from "Request" where "decidedAt" is not null`);
  await sql("benefits", `insert into "BenefitClaim" (id, "affiliateId", type, status, "grantedAutomatically", "filedOn", "paymentDueOn")
    select 'b' || i, 'a' || (1 + (i::bigint * 104729) % ${N}), (array['MATERNITY_AID','BRIDGING_RIGHT','CAREGIVER_ALLOWANCE'])[1 + i % 3]::"BenefitType", 'PAID', i % 3 = 0,
           date '2024-01-01' + (i % 1000), (date '2024-01-01' + (i % 1000) + interval '4 months')::date from generate_series(1, ${Math.round(N * 0.02)}) i`);
  await sql("benefit payments", `insert into "BenefitPayment" (id, "claimId", "amountCents", "interestCents", "paidOn")
    select 'bp' || substr(id, 2), id, 150000, case when hashtext(id) & 15 = 0 then 500 else 0 end, "paymentDueOn" - 30 + (hashtext(id) & 31) from "BenefitClaim"`);
  await sql("recovery cases", `insert into "RecoveryCase" (id, "affiliateId", status, "currentStep", "debtCents", "oldestDueOn", "openedOn")
    select 'k' || i, 'a' || (1 + (i::bigint * 15485863) % ${N}), 'JUDICIAL', 'BAILIFF', 90000, date '2024-03-31', date '2024-05-01' + (i % 700) from generate_series(1, ${Math.round(N * 0.01)}) i`);
  await sql("recovery steps", `insert into "RecoveryStep" ("caseId", kind, "on")
    select id, 'REMINDER'::"RecoveryStepKind", "openedOn" from "RecoveryCase"
    union all select id, 'FORMAL_NOTICE', "openedOn" + 30 from "RecoveryCase"
    union all select id, 'PERSONAL_CONTACT', "openedOn" + 45 from "RecoveryCase" where hashtext(id) & 7 <> 0
    union all select id, 'BAILIFF', "openedOn" + 60 from "RecoveryCase"`);
}

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
  if (!process.env.BENCH_SKIP_GENERATE) await generate();
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
