// Search benchmark: 1.3 million generated people (plus companies, calls and refund IBANs), generated set-based in
// PostgreSQL, then p50/p95 of searchDossiers per query type (target < 100 ms). A benchmark, not a test.
//
//   node_modules/.bin/tsx scripts/with-db.ts --db bench -- node_modules/.bin/tsx --conditions=react-server bench/search.ts
// or through bench/run.ts (exports run()), provided tsx gets --conditions=react-server there too.
//
// (--conditions=react-server lets the DAL's `import "server-only"` load outside Next.) BENCH_PEOPLE overrides
// the size; the data is generated once per database (rerun with BENCH_REGENERATE=1 to rebuild it).
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { prisma } from "@/lib/db/client";
import { searchDossiers } from "@/lib/dal/dossiers/search-dossiers";
import type { Viewer } from "@/lib/auth/viewer";

// the generation runs set-based statements over a million rows: no web statement timeout (lib/db/overload.ts); the
// client reads it on its first query, after this line
process.env.DATABASE_STATEMENT_TIMEOUT_MS ??= "0";

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1_300_000);
const COMPANIES = Math.round(PEOPLE / 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const viewer: Viewer = { userId: "bench", role: "ADVISOR", affiliateId: null, name: "bench" };

// syllables → about 6,000 distinct surnames (some 200 bearers each: a surname alone fills the 25 hits)
const SYL = [
  "van", "de", "den", "ber", "mans", "ghe", "lin", "dub", "ois", "mar", "tin", "jans", "sens", "pee", "ters", "wou", "lam", "bert", "du", "pont",
  "ver", "meu", "len", "cla", "es", "goos", "roy", "ma", "wil", "lems", "hen", "drickx", "sim", "on", "ro", "bin", "ka", "zou", "bou", "ham",
  "ed", "ben", "ali", "ya", "ko", "vac", "ski", "now", "ak", "gar", "cia", "lo", "pez", "fer", "nan", "dez", "ros", "si", "bian", "chi",
  "ric", "cio", "ny", "hu", "ber", "schmidt", "mul", "ler", "kow", "al", "czyk", "ng", "uy", "en", "tran", "fa", "ri", "quet", "gil", "lis",
  "thys", "baert", "aerts", "claes", "smet", "vos", "hoof", "bro", "eck", "cke", "ghem", "daele", "noot", "velde", "wyn", "gaer", "bos", "sch", "out", "ens",
];
const FIRST = ["Julie", "Marc", "Sophie", "Pieter", "Nadia", "Lucas", "Emma", "Noah", "Louise", "Arthur", "Olivia", "Jules", "Mila", "Liam", "Alice", "Victor", "Elena", "Adam", "Lina", "Hugo", "Sarah", "Thomas", "Laura", "Kevin", "Ines", "Wout", "Lotte", "Bram", "Fien", "Jens"];

async function generate() {
  const [{ n }] = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*)::bigint AS n FROM "Person"`;
  if (Number(n) >= PEOPLE && !process.env.BENCH_REGENERATE) return console.log(`bench: ${n} people already there`);
  const t0 = performance.now();
  await prisma.$executeRawUnsafe(`TRUNCATE "ContributionCall", "LedgerEntry", "PaymentAllocation", "Affiliate", "Person", "Company", "NameKey" RESTART IDENTITY CASCADE`);
  // build the search indexes after the load (same definitions as the migration search_name_column): much faster
  // than row by row. The statement trigger on Person fills the surname dictionary (NameKey) in one go.
  await prisma.$executeRawUnsafe(`DROP INDEX IF EXISTS "Person_searchLastName_firstName_id_idx"`);
  await prisma.$executeRawUnsafe(`DROP INDEX IF EXISTS "Company_searchName_trgm"`);
  const syl = `ARRAY[${SYL.map((s) => `'${s}'`).join(",")}]`;
  const first = `ARRAY[${FIRST.map((s) => `'${s}'`).join(",")}]`;
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Person" (id, niss, "firstName", "lastName", "birthDate", sex, street, "postalCode", city, "updatedAt")
    SELECT 'p' || g,
           lpad((10000000 + g * 7)::text, 9, '0') || lpad((97 - (10000000 + g * 7)::bigint % 97)::text, 2, '0'),
           (${first})[1 + (g * 7) % ${FIRST.length}],
           initcap((${syl})[1 + (g * 13) % ${SYL.length}] || (${syl})[1 + (g / 7 * 17) % ${SYL.length}] || CASE WHEN g % 4 <> 0 THEN (${syl})[1 + (g / 11 * 19) % ${SYL.length}] ELSE '' END),
           DATE '1950-01-01' + (g % 20000), CASE WHEN g % 2 = 0 THEN 'F'::"Sex" ELSE 'M'::"Sex" END, 'Rue ' || g, '1000', 'Bruxelles', now()
    FROM generate_series(1, ${PEOPLE}) g`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Affiliate" (id, "memberNumber", kind, "personId", "refundIban")
    SELECT 'a' || g, (1000000 + g)::text, 'PERSON', 'p' || g,
           CASE WHEN g % 2 = 0 THEN 'BE' || lpad((98 - ((lpad(g::text, 12, '0') || '111400')::numeric % 97))::text, 2, '0') || lpad(g::text, 12, '0') END
    FROM generate_series(1, ${PEOPLE}) g`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Company" (id, "enterpriseNumber", name, "legalForm", "createdOn", street, "postalCode", city)
    SELECT 'c' || g, '0' || lpad((g * 100 + (97 - (g * 100) % 97) % 97)::text, 9, '0'),
           initcap((${syl})[1 + (g * 5) % ${SYL.length}] || (${syl})[1 + (g / 3 * 11) % ${SYL.length}]) || ' ' || g || ' SRL', 'SRL', DATE '2010-01-01', 'Rue ' || g, '1000', 'Bruxelles'
    FROM generate_series(1, ${COMPANIES}) g`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Affiliate" (id, "memberNumber", kind, "companyId") SELECT 'ac' || g, (5000000 + g)::text, 'COMPANY', 'c' || g FROM generate_series(1, ${COMPANIES}) g`);
  // one call per person: 10 digits + mod 97 check (0 → 97)
  await prisma.$executeRawUnsafe(`
    INSERT INTO "ContributionCall" (id, "affiliateId", kind, year, quarter, "contributionCents", "managementFeeCents", "totalCents", "structuredCommunication", "issuedOn", "dueOn", breakdown)
    SELECT 'k' || g, 'a' || g, 'PROVISIONAL', 2026, 4, 100000, 3050, 103050,
           lpad((2640000000 + g)::text, 10, '0') || lpad(coalesce(nullif((2640000000 + g) % 97, 0), 97)::text, 2, '0'),
           DATE '2026-10-01', DATE '2026-12-31', '[]'::jsonb
    FROM generate_series(1, ${PEOPLE}) g`);
  await prisma.$executeRawUnsafe(`CREATE INDEX "Person_searchLastName_firstName_id_idx" ON "Person" ("searchLastName", "firstName", "id")`);
  await prisma.$executeRawUnsafe(`CREATE INDEX "Company_searchName_trgm" ON "Company" USING gin ("searchName" gin_trgm_ops)`);
  await prisma.$executeRawUnsafe(`VACUUM ANALYZE "NameKey"`);
  await prisma.$executeRawUnsafe(`VACUUM ANALYZE "Person"`);
  await prisma.$executeRawUnsafe(`VACUUM ANALYZE "Affiliate"`);
  await prisma.$executeRawUnsafe(`VACUUM ANALYZE "Company"`);
  await prisma.$executeRawUnsafe(`VACUUM ANALYZE "ContributionCall"`);
  console.log(`bench: generated ${PEOPLE} people, ${COMPANIES} companies, ${PEOPLE} calls in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

function typo(name: string, i: number): string {
  const pos = 1 + (i % Math.max(1, name.length - 2));
  const kind = i % 3;
  if (kind === 0) return name.slice(0, pos) + name.slice(pos + 1); // a letter missing
  if (kind === 1) return name.slice(0, pos) + name[pos] + name.slice(pos); // a letter doubled
  return name.slice(0, pos) + (name[pos] === "e" ? "a" : "e") + name.slice(pos + 1); // a wrong letter
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Entry point for bench/run.ts (`npm run bench`). */
export async function run() {
  await generate();
  const sample = await prisma.$queryRaw<{ id: string; lastName: string; firstName: string; niss: string; communication: string; iban: string | null; enterprise: string }[]>`
    SELECT a.id, p."lastName", p."firstName", p.niss, k."structuredCommunication" AS communication, a."refundIban" AS iban,
           (SELECT "enterpriseNumber" FROM "Company" WHERE id = 'c' || (1 + abs(hashtext(a.id)) % ${COMPANIES})) AS enterprise
    FROM "Person" p JOIN "Affiliate" a ON a."personId" = p.id LEFT JOIN "ContributionCall" k ON k."affiliateId" = a.id
    WHERE a."refundIban" IS NOT NULL
    ORDER BY md5(a.id) LIMIT ${RUNS}`; // the same sample on every run, so that runs compare
  const kinds: Record<string, (s: (typeof sample)[number], i: number) => string> = {
    "name (surname)": (s) => s.lastName,
    "name (surname + first name)": (s) => `${s.lastName} ${s.firstName}`,
    "name with a typo": (s, i) => typo(s.lastName, i),
    "national number": (s) => `${s.niss.slice(0, 2)}.${s.niss.slice(2, 4)}.${s.niss.slice(4, 6)}-${s.niss.slice(6, 9)}.${s.niss.slice(9)}`,
    "enterprise number": (s) => `BE ${s.enterprise}`,
    "structured communication": (s) => `+++${s.communication.slice(0, 3)}/${s.communication.slice(3, 7)}/${s.communication.slice(7)}+++`,
    IBAN: (s) => s.iban ?? "",
  };
  await searchDossiers(viewer, "warm up"); // connection pool and plans
  console.log(`\nsearchDossiers on ${PEOPLE.toLocaleString("en")} people, ${RUNS} queries per type (target p95 < 100 ms)`);
  console.log(["query type".padEnd(30), "p50 ms".padStart(8), "p95 ms".padStart(8), "max ms".padStart(8), "found".padStart(7)].join(" "));
  let failed = false;
  for (const [kind, make] of Object.entries(kinds)) {
    const times: number[] = [];
    let found = 0;
    const missed: string[] = [];
    for (const [i, s] of sample.entries()) {
      const q = make(s, i);
      const t = performance.now();
      const hits = await searchDossiers(viewer, q);
      times.push(performance.now() - t);
      // found = the sampled dossier is among the hits; for a name, someone bearing it is (a surname has some 200
      // bearers, a surname + first name a few dozen namesakes, and 25 hits are shown); for a company's enterprise
      // number, any hit
      const ok = kind === "enterprise number" ? hits.length > 0
        : kind === "name (surname)" || kind === "name with a typo" ? hits.some((h) => h.name.startsWith(`${s.lastName},`))
        : kind === "name (surname + first name)" ? hits.some((h) => h.name === `${s.lastName}, ${s.firstName}`)
        : hits.some((h) => h.id === s.id);
      if (ok) found++;
      else if (missed.length < 3) missed.push(q);
    }
    times.sort((a, b) => a - b);
    const p95 = pct(times, 95);
    if (p95 >= 100) failed = true;
    console.log([kind.padEnd(30), pct(times, 50).toFixed(1).padStart(8), p95.toFixed(1).padStart(8), times[times.length - 1].toFixed(1).padStart(8), `${found}/${times.length}`.padStart(7), missed.length ? `  missed e.g. ${missed.map((m) => JSON.stringify(m)).join(", ")}` : ""].join(" "));
  }
  if (failed) console.log("\nbench: at least one query type is above the 100 ms target at p95");
}

// run directly (not when imported by bench/run.ts)
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run()
    .then(() => prisma.$disconnect())
    .catch(async (error) => {
      console.error(error);
      await prisma.$disconnect();
      process.exit(1);
    });
}
