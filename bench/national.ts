// The national fund generator shared by the benchmarks (bench/dashboards.ts, bench/pages.ts): with set-based SQL only
// (generate_series), N affiliates (1 in 20 a company), their affiliations and category periods, 3 years of quarterly
// calls (2024–2026) with their ledger (CALL debits, payments for 92 %, allocations), surcharges, requests with their
// events, benefits and recovery steps, and 60 advisors (adv1…adv60, no password). One transaction, indexes rebuilt
// after the load, row triggers off (see generate()). It empties the tables it fills first (and User, cascading).
//
// Surnames: "numbered" (Last1, Last2…: one per person — what bench/dashboards.ts has always measured, names do not
// matter there) or "realistic" (a few frequent Belgian surnames, a long tail of rare ones: see realisticPersons()).
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const TODAY = "2026-11-28";
export const ADVISORS = 60;

export type NationalOptions = { surnames?: "numbered" | "realistic" };

export async function step<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await fn();
  console.log(`${label.padEnd(58)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(7)} s`);
  return r;
}

type Exec = Pick<PrismaClient, "$executeRawUnsafe" | "$queryRawUnsafe">;

// the most frequent surnames of Belgium, most frequent first; after them, compound names of syllables
const FREQUENT = ["Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Dubois",
  "Lambert", "Dupont", "Martin", "Simon", "Vermeulen", "Van den Bossche", "Hermans", "Aerts", "Leclercq", "Laurent", "Dumont", "Michiels",
  "Desmet", "Lemaire", "Renard", "Smets", "Pauwels", "De Clercq", "Declercq", "Jansen", "Dupuis", "Van Damme", "Verhoeven", "Claeys",
  "Hendrickx", "Lejeune", "Stevens", "Segers", "Denis"];
const SYLLABLES = ["van", "de", "den", "ber", "mans", "ghe", "lin", "dub", "ois", "mar", "tin", "jans", "sens", "pee", "ters", "wou", "lam",
  "bert", "du", "pont", "ver", "meu", "len", "cla", "es", "goos", "roy", "ma", "wil", "lems", "hen", "drickx", "sim", "on", "ro", "bin",
  "ka", "zou", "bou", "ham", "ed", "ben", "ali", "ya", "ko", "vac", "ski", "now", "ak", "gar", "cia", "lo", "pez", "fer", "nan", "dez",
  "ros", "si", "bian", "chi", "ric", "cio", "ny", "hu", "bo", "schmidt", "mul", "ler", "kow", "al", "czyk", "ng", "uy", "en", "tran",
  "fa", "ri", "quet", "gil", "lis", "thys", "baert", "aerts", "claes", "smet", "vos", "hoof", "bro", "eck", "cke", "ghem", "daele",
  "noot", "velde", "wyn", "gaer", "bos", "sch", "out", "ens"];
const FIRST_NAMES = ["Julie", "Marc", "Sophie", "Pieter", "Nadia", "Lucas", "Emma", "Noah", "Louise", "Arthur", "Olivia", "Jules", "Mila",
  "Liam", "Alice", "Victor", "Elena", "Adam", "Lina", "Hugo", "Sarah", "Thomas", "Laura", "Kevin", "Ines", "Wout", "Lotte", "Bram", "Fien",
  "Jens", "Marie", "Jan", "Anne", "Luc", "Nathalie", "Philippe", "Els", "Koen", "Mohamed", "Fatima"];

const sqlArray = (xs: string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]`;

/** The distinct surnames of a fund of n: a quarter of n (Belgium: some 11.5 million people, a few hundred thousand
 *  surnames, a third of them borne by one family). */
export const surnameCount = (n: number) => Math.max(200, Math.round(n / 4));

/**
 * Persons with a realistic surname distribution: the surname's rank r = floor(K·u²) for u uniform in [0, 1) (a
 * multiplicative hash of the person's number), so that rank r has a frequency ∝ 1/√r — a head of frequent names
 * (rank 0, "Peeters", is borne by 1/√K of the people: 0.6 % at 100,000, 0.2 % at 1.3 million, as in Belgium) and a
 * long tail of names borne by one or two people. The first 40 ranks are real surnames, the others compounds of two
 * or three syllables. First names from a list of 40.
 */
export function realisticPersons(n: number): string {
  const k = surnameCount(n);
  const s = SYLLABLES.length;
  return `insert into "Person" (id, niss, "firstName", "lastName", "birthDate", sex, street, "postalCode", city, "updatedAt")
    select 'n' || i, lpad(i::text, 11, '0'), (${sqlArray(FIRST_NAMES)})[1 + (i * 7 + i / 13) % ${FIRST_NAMES.length}],
           case when r < ${FREQUENT.length} then (${sqlArray(FREQUENT)})[1 + r]
                else initcap((${sqlArray(SYLLABLES)})[1 + r % ${s}] || (${sqlArray(SYLLABLES)})[1 + (r / ${s}) % ${s}]
                             || case when r >= ${s * s} then (${sqlArray(SYLLABLES)})[1 + (r / ${s * s}) % ${s}] else '' end) end,
           date '1960-01-01' + (i % 12000), (case when i % 2 = 0 then 'F' else 'M' end)::"Sex", 'Rue ' || i, '1000', 'Bruxelles', now()
      from generate_series(1, ${n}) i,
      lateral (select floor(${k} * power(((i::bigint * 2654435761) % 4294967296)::float8 / 4294967296, 2))::int as r) k
     where i % 20 <> 0`;
}

/** The most frequent surname of the realistic distribution (a name search's worst case). */
export const MOST_FREQUENT_SURNAME = FREQUENT[0];

/** Generates the national fund of N affiliates into db (the owner's connection: it drops and rebuilds indexes). */
export async function generateNational(db: PrismaClient, N: number, options: NationalOptions = {}): Promise<void> {
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
    await sql("persons", options.surnames === "realistic" ? realisticPersons(N) : `insert into "Person" (id, niss, "firstName", "lastName", "birthDate", sex, street, "postalCode", city, "updatedAt")
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

  await generate();
}
