// Page benchmark (issue #19 parts 2 and 3): the built portal (`next start`) over the national fund of
// bench/national.ts, driven over HTTP by autocannon (docs/decisions/0044) at 1, 10 and 50 connections.
//
//   npm run bench:pages                                   (BENCH_AFFILIATES, default 1,300,000)
//   BENCH_AFFILIATES=2000,100000 npm run bench:pages      (two sizes in one run, and the growth between them)
//
// For each size: generates the fund (bench/national.ts, realistic surnames) and what pages need on top of it (the
// Fund row, the legal parameters, a rich affiliate with a login — calls since 2016, payments, surcharges, 40
// requests, documents, notices —, a company with five directors and its login, an advisor with a TOTP second
// factor), starts the build in .next-bench (built first when absent, or with BENCH_REBUILD=1; tsconfig.json, which
// `next build` rewrites, is put back) on port BENCH_PORT (3800), signs in by posting to the credentials callback
// (the advisor with a TOTP code, computed with otpauth as e2e/support.ts does), and drives each page for
// BENCH_SECONDS (5) at each concurrency. Everything is printed as a ratio to a trivial page (/login) measured in
// the same run, before and after the pages (their mean), so that a loaded machine shifts both sides alike:
// p50/p95/p99 latency (a page's / the trivial page's) and requests per second (the page's / the trivial page's).
// Each size's figures are kept in .data/bench-pages/<size>.json: the growth of each page's cost (its p50 at one
// connection, as a ratio to the trivial page) from the smallest size to the largest is printed from this run's
// sizes, else from a kept run of another size. Targets (issue #19 part 3), printed as met / not met:
//   - at the largest size, every page answers a single request (1 connection) in under 50 ms at p95 (the latency
//     autocannon measures on the same machine: the server's time plus a loopback round trip);
//   - at 50 connections, every page serves at least half the trivial page's requests per second;
//   - no page's cost grows more than 1.5× from 2,000 affiliates to the largest size.
// A benchmark, not a test: nothing here fails on a figure. Refuses to run on a database whose name lacks "bench".
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { Secret, TOTP } from "otpauth";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PARAMETER_SETS, belgianCreditorIdentifier, listParameterFigures } from "@/lib/domain";
import { hashPassword } from "@/lib/auth/password";
import { encryptSecret } from "@/lib/auth/secret-box";
import { makeIban } from "../prisma/factories";
import { demoFundContact } from "../prisma/seed-information";
import { MOST_FREQUENT_SURNAME, TODAY, generateNational, step } from "./national";

const ROOT = path.resolve(import.meta.dirname, "..");
const DIST = ".next-bench";
const SIZES = (process.env.BENCH_AFFILIATES ?? "1300000").split(",").map((s) => Math.round(Number(s.trim()))).filter((n) => n >= 40);
const PORT = Number(process.env.BENCH_PORT ?? 3800);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = [1, 10, 50];
const DEMO_SIZE = 2000;
const TARGET_P95_MS = 50;
const TARGET_RPS_RATIO = 0.5;
const TARGET_GROWTH = 1.5;
const PASSWORD = "bench-caisse-2026";
const TOTP_SECRET = "KNXWG2DJMVGGC3LCMVZHIYLEOZUXG33S";
const RICH = 1; // a1 (person n1): the rich affiliate; a20 (company co20): the company; adv1: the advisor
const COMPANY = 20;
const RESULTS = path.join(ROOT, ".data", "bench-pages");
const BASE = `http://127.0.0.1:${PORT}`;

const ownerUrl = process.env.DATABASE_OWNER_URL;
const appUrl = process.env.DATABASE_URL;
if (!ownerUrl || !appUrl) throw new Error("DATABASE_URL / DATABASE_OWNER_URL unset: run through scripts/with-db.ts --db bench_pages (npm run bench:pages)");
// the generation runs set-based statements over millions of rows: no statement timeout for the owner's connection
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: ownerUrl }) });

type Who = "affiliate" | "company" | "advisor" | null;
type Page = { label: string; path: string; who: Who };
type Figures = { p50: number; p95: number; p99: number; rps: number; n: number; non2xx: number; errors: number };
type SizeResult = { size: number; at: string; load: number[]; pages: Record<string, Record<number, Figures>>; trivial: Record<number, Figures> };

// ── the data pages need, on top of the national fund ──

async function addPageData(n: number) {
  await db.$executeRawUnsafe(`truncate "Fund", "LegalParameter", "Document", "Notification", "CompanyDirector", "RateLimit" restart identity cascade`);
  await step("Fund row, legal parameters", async () => {
    await db.legalParameter.createMany({
      data: Object.values(PARAMETER_SETS).flatMap((set) =>
        listParameterFigures(set).map((row) => ({
          year: row.year, key: row.key, unit: row.unit, value: row.valueCents ?? row.valueBp ?? row.valueCount ?? row.numerator ?? null,
          denominator: row.denominator ?? null, source: row.source, status: row.status, note: row.note ?? null,
        })),
      ),
    });
    await db.fund.create({
      data: {
        id: 1, name: "Caisse Bench d'assurances sociales", iban: makeIban("001", 4_242_424), bic: "GEBABEBB",
        creditorId: belgianCreditorIdentifier("0403170701"), managementFeeBp: 305, address: "Rue de la Loi 16, 1000 Bruxelles",
        phone: "+32 2 000 00 00", email: "info@bench.caisse.be", ...demoFundContact(TODAY),
      },
    });
  });
  const a = `a${RICH}`;
  const comm = (base: string) => `${base} || lpad(coalesce(nullif((${base})::bigint % 97, 0), 97)::text, 2, '0')`;
  await step("rich affiliate: 32 more quarters (2016–2023), ledger", async () => {
    await db.$executeRawUnsafe(`insert into "ContributionCall" (id, "affiliateId", kind, year, quarter, category, "contributionCents", "managementFeeCents", "totalCents",
        "structuredCommunication", "issuedOn", "dueOn", breakdown)
      select '${a}-h' || q, '${a}', 'PROVISIONAL', 2016 + (q - 1) / 4, 1 + (q - 1) % 4, 'MAIN', 70000 + q * 300, 2135, 72135 + q * 300,
             ${comm(`'7' || lpad(q::text, 9, '0')`)}, make_date(2016 + (q - 1) / 4, 1 + 3 * ((q - 1) % 4), 1),
             (make_date(2016 + (q - 1) / 4, 1 + 3 * ((q - 1) % 4), 1) + interval '3 months' - interval '1 day')::date, '[]'
        from generate_series(1, 32) q`);
    await db.$executeRawUnsafe(`insert into "LedgerEntry" ("affiliateId", kind, "amountCents", "bookedOn", "callId", "reasonCode")
      select "affiliateId", 'CALL', "totalCents", "issuedOn", id, 'call' from "ContributionCall" where id like '${a}-h%'`);
    // paid, in two instalments for one quarter in three (two payments per call), late for one in five (a surcharge)
    await db.$executeRawUnsafe(`insert into "LedgerEntry" ("affiliateId", kind, "amountCents", "bookedOn", "reasonCode", "uniqueKey")
      select "affiliateId", 'PAYMENT', -("totalCents" / parts), "dueOn" - 10 + part * 20 + case when quarter = 2 then 95 else 0 end, 'payment', 'pay:' || id || ':' || part
        from "ContributionCall", lateral (select case when year % 3 = 0 then 2 else 1 end as parts) p, generate_series(1, p.parts) part
       where id like '${a}-h%'`);
    await db.$executeRawUnsafe(`insert into "PaymentAllocation" ("paymentEntryId", "targetEntryId", "amountCents")
      select p.id, l.id, -p."amountCents" from "LedgerEntry" l join "LedgerEntry" p on p."uniqueKey" like 'pay:' || l."callId" || ':%'
       where l.kind = 'CALL' and l."callId" like '${a}-h%'`);
    await db.$executeRawUnsafe(`insert into "LedgerEntry" ("affiliateId", kind, "amountCents", "bookedOn", "callId", "reasonCode")
      select "affiliateId", 'SURCHARGE', "totalCents" * 3 / 100, "dueOn" + 90, id, 'surcharge' from "ContributionCall" where id like '${a}-h%' and quarter = 2`);
  });
  // the generator's ledger reasons are bare codes ("call", "payment"…) no page reads at national scale; the rich
  // affiliate's statements are rendered, so their rows get the codes and parameters the jobs write (the ledger is
  // append-only: its guard trigger is off for this owner's transaction only)
  await step("rich affiliate, company: ledger reasons as the jobs write", () => db.$transaction(async (t) => {
    await t.$executeRawUnsafe(`set local session_replication_role = replica`);
    await t.$executeRawUnsafe(`update "LedgerEntry" e set "reasonCode" = case e.kind when 'CALL' then case when c.quarter = 0 then 'call.company' else 'call.provisional' end when 'PAYMENT' then 'payment.received' else 'surcharge.quarterly' end,
        "reasonParams" = case e.kind when 'CALL' then jsonb_build_object('year', c.year, 'quarter', c.quarter)
                                     when 'PAYMENT' then jsonb_build_object('valueOn', e."bookedOn"::text)
                                     else jsonb_build_object('on', e."bookedOn"::text, 'baseCents', c."totalCents", 'rateBp', 300) end
       from (select e2.id, c2.year, c2.quarter, c2."totalCents" from "LedgerEntry" e2 left join "ContributionCall" c2 on c2.id = e2."callId" where e2."affiliateId" in ('${a}', 'a${COMPANY}')) c
      where e.id = c.id and e.kind in ('CALL', 'PAYMENT', 'SURCHARGE')`);
  }));
  await step("rich affiliate: 40 requests, documents, notices", async () => {
    await db.$executeRawUnsafe(`insert into "Request" (id, reference, type, status, "affiliateId", "filedOn", "informationDueOn", "decisionDueOn", "assigneeId", "decidedAt", "updatedAt")
      select 'rr' || i, 'R-' || lpad(i::text, 9, '0'), (array['PAYMENT_PLAN','REDUCTION','EXEMPTION','SURCHARGE_WAIVER','QUESTION','COMPLAINT','QUESTION','REDUCTION'])[1 + i % 8]::"RequestType",
             (case when i % 5 = 0 then 'IN_REVIEW' else (array['ACCEPTED','REFUSED','CLOSED'])[1 + i % 3] end)::"RequestStatus", '${a}',
             date '${TODAY}' - i * 60, date '${TODAY}' - i * 60 + 45, (date '${TODAY}' - i * 60 + interval '4 months')::date, 'adv1',
             case when i % 5 <> 0 then (date '${TODAY}' - i * 60 + 30)::timestamptz end, now()
        from generate_series(1, 40) i`);
    await db.$executeRawUnsafe(`insert into "RequestEvent" ("requestId", at, "fromStatus", "toStatus")
      select id, "filedOn"::timestamptz + interval '10 hours', null::"RequestStatus", 'SUBMITTED'::"RequestStatus" from "Request" where id like 'rr%'
      union all select id, "filedOn"::timestamptz + interval '1 day', 'SUBMITTED'::"RequestStatus", 'IN_REVIEW'::"RequestStatus" from "Request" where id like 'rr%'
      union all select id, "decidedAt", 'IN_REVIEW'::"RequestStatus", status from "Request" where id like 'rr%' and "decidedAt" is not null`);
    const pdf = `'\\x255044462d312e340a'::bytea`; // "%PDF-1.4\n": the list reads no content
    await db.$executeRawUnsafe(`insert into "Document" (id, "affiliateId", kind, "fileName", "mimeType", "sizeBytes", content, "createdAt")
      select 'dc-' || id, "affiliateId", 'CALL_NOTICE'::"DocumentKind", 'avis-' || year || '-T' || quarter || '.pdf', 'application/pdf', 9, ${pdf}, "issuedOn"::timestamptz
        from "ContributionCall" where "affiliateId" = '${a}'
      union all select 'dr-' || id, "affiliateId", 'DECISION'::"DocumentKind", 'decision-' || reference || '.pdf', 'application/pdf', 9, ${pdf}, "decidedAt"
        from "Request" where "affiliateId" = '${a}' and "decidedAt" is not null`);
    // everyone else: a tax certificate for one affiliate in two (the index holds the national number of rows)
    await db.$executeRawUnsafe(`insert into "Document" (id, "affiliateId", kind, "fileName", "mimeType", "sizeBytes", content, "createdAt")
      select 'dt' || i, 'a' || i, 'TAX_CERTIFICATE', 'attestation-fiscale-2025.pdf', 'application/pdf', 9, ${pdf}, timestamptz '2026-01-10 08:00+01'
        from generate_series(2, ${n}, 2) i`);
    await db.$executeRawUnsafe(`insert into "Notification" (id, "affiliateId", kind, subject, text, link, "uniqueKey", "createdAt", "readAt")
      select 'nt' || i, '${a}', 'call', 'Nouvel avis', 'Un nouvel avis est disponible.', '/me', 'bench:' || i, timestamptz '${TODAY} 09:00+01' - i * interval '9 days',
             case when i > 3 then timestamptz '${TODAY} 09:00+01' - i * interval '9 days' + interval '1 day' end
        from generate_series(1, 60) i`);
  });
  await step("company with five directors; logins", async () => {
    await db.$executeRawUnsafe(`insert into "CompanyDirector" (id, "companyId", "personId", "fromOn", "toOn")
      select 'cd' || i, 'co${COMPANY}', 'n' || i, date '2015-01-01' + i * 200, case when i = 6 then date '2024-06-30' end from generate_series(1, 6) i where i % 20 <> 0`);
    const passwordHash = await hashPassword(PASSWORD);
    await db.user.create({ data: { email: "affiliate@bench.caisse.be", passwordHash, role: "AFFILIATE", name: "Bench affiliate", affiliateId: a } });
    await db.user.create({ data: { email: "company@bench.caisse.be", passwordHash, role: "AFFILIATE", name: "Bench company", affiliateId: `a${COMPANY}` } });
    await db.user.update({ where: { id: "adv1" }, data: { passwordHash, totpSecret: encryptSecret(TOTP_SECRET), totpEnabledAt: new Date(), totpLastStep: null } });
  });
  await step("analyze", () => db.$executeRawUnsafe(`analyze`));
}

// ── the build and the server ──

function ensureBuild() {
  if (fs.existsSync(path.join(ROOT, DIST, "BUILD_ID")) && !process.env.BENCH_REBUILD) return console.log(`build: ${DIST} exists, reused (BENCH_REBUILD=1 rebuilds it)`);
  console.log(`build: next build into ${DIST} …`);
  const tsconfig = path.join(ROOT, "tsconfig.json");
  const before = fs.readFileSync(tsconfig, "utf8");
  try {
    const r = spawnSync(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1" } });
    if (r.status !== 0) throw new Error(`next build failed (${r.status ?? r.signal})`);
  } finally {
    // next build adds the dist folder's types to "include": put the file back as it was
    if (fs.readFileSync(tsconfig, "utf8") !== before) fs.writeFileSync(tsconfig, before);
  }
}

let server: ChildProcess | undefined;

async function startServer(size: number): Promise<void> {
  fs.mkdirSync(RESULTS, { recursive: true });
  const log = fs.openSync(path.join(RESULTS, `server-${size}.log`), "w");
  server = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(PORT), "-H", "127.0.0.1"], {
    cwd: ROOT, detached: true, stdio: ["ignore", log, log],
    env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: DIST, DATABASE_URL: appUrl, NEXTAUTH_URL: BASE, PORTAL_TODAY: TODAY, NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error(`next start exited (${server.exitCode}): see ${RESULTS}/server-${size}.log`);
    try {
      if ((await fetch(`${BASE}/login`)).ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("next start did not answer within 60 s");
}

async function stopServer() {
  const s = server;
  server = undefined;
  if (!s?.pid || s.exitCode !== null) return;
  const exited = new Promise((r) => s.once("exit", r));
  try { process.kill(-s.pid, "SIGTERM"); } catch { /* gone */ }
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (s.exitCode === null) try { process.kill(-s.pid, "SIGKILL"); } catch { /* gone */ }
}

// ── signing in: the credentials callback of next-auth, as the sign-in form posts it ──

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);

async function signIn(email: string, secret?: string): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const jar = cookiesOf(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true", callbackUrl: `${BASE}/` });
  if (secret) form.set("code", new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate());
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST", redirect: "manual", body: form,
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
  });
  const session = cookiesOf(res).find((c) => /session-token=/.test(c) && !/session-token=$/.test(c));
  if (!session) throw new Error(`sign-in of ${email} refused (HTTP ${res.status}): ${await res.text()}`);
  return session;
}

// ── measuring ──

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

async function measure(url: string, cookie: string | undefined, connections: number): Promise<Figures> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  for (let i = 0; i < 3; i++) await (await fetch(url, { headers })).arrayBuffer(); // warm-up: code paths, plans
  const times: number[] = [];
  const t0 = performance.now();
  const run = autocannon({ url, connections, duration: SECONDS, timeout: 30, headers });
  run.on("response", (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  const result = await run;
  const seconds = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  return { p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99), rps: times.length / seconds, n: times.length, non2xx: result.non2xx, errors: result.errors + result.timeouts };
}

const mean = (a: Figures, b: Figures): Figures => ({
  p50: (a.p50 + b.p50) / 2, p95: (a.p95 + b.p95) / 2, p99: (a.p99 + b.p99) / 2, rps: (a.rps + b.rps) / 2, n: a.n + b.n, non2xx: a.non2xx + b.non2xx, errors: a.errors + b.errors,
});

const loadAverage = () => fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).map(Number);

async function benchSize(size: number): Promise<SizeResult> {
  console.log(`\n── ${size.toLocaleString("en")} affiliates ──`);
  await generateNational(db, size, { surnames: "realistic" });
  await addPageData(size);
  const [call] = await db.$queryRawUnsafe<{ id: string }[]>(`select c.id from "ContributionCall" c where c."affiliateId" = 'a${RICH}'
    order by exists (select 1 from "LedgerEntry" s where s."callId" = c.id and s.kind = 'SURCHARGE') desc, (select count(*) from "PaymentAllocation" pa join "LedgerEntry" l on l.id = pa."targetEntryId" where l."callId" = c.id) desc, c."issuedOn" desc limit 1`);
  const [{ bearers }] = await db.$queryRawUnsafe<{ bearers: number }[]>(`select count(*)::int as bearers from "Person" where "lastName" = $1`, MOST_FREQUENT_SURNAME);
  const pages: Page[] = [
    { label: "/me", path: "/me", who: "affiliate" },
    { label: "/me (company, 5 directors)", path: "/me", who: "company" },
    { label: "/me/calls/[id]", path: `/me/calls/${call.id}`, who: "affiliate" },
    { label: "/me/pay", path: "/me/pay", who: "affiliate" },
    { label: "/me/documents", path: "/me/documents", who: "affiliate" },
    { label: "/staff/dossiers/[id]", path: `/staff/dossiers/a${RICH}`, who: "advisor" },
    { label: "/staff/dossiers/[id] (company)", path: `/staff/dossiers/a${COMPANY}`, who: "advisor" },
    { label: "/staff/queues", path: "/staff/queues", who: "advisor" },
    { label: `dossier search (${MOST_FREQUENT_SURNAME})`, path: `/staff?q=${MOST_FREQUENT_SURNAME}`, who: "advisor" },
  ];
  console.log(`pages: call ${call.id}; "${MOST_FREQUENT_SURNAME}" borne by ${bearers} people`);
  await startServer(size);
  const result: SizeResult = { size, at: new Date().toISOString(), load: [], pages: {}, trivial: {} };
  try {
    const cookies: Record<Exclude<Who, null>, string> = {
      affiliate: await signIn("affiliate@bench.caisse.be"),
      company: await signIn("company@bench.caisse.be"),
      advisor: await signIn("adv1@bench.caisse.be", TOTP_SECRET),
    };
    for (const p of pages) {
      const res = await fetch(BASE + p.path, { headers: { cookie: cookies[p.who!] }, redirect: "manual" });
      const html = await res.text();
      if (res.status !== 200) throw new Error(`${p.label}: HTTP ${res.status} (${res.headers.get("location") ?? html.slice(0, 200)})`);
    }
    const trivial = { label: "trivial page (/login)", path: "/login", who: null };
    for (const c of CONNECTIONS) {
      const before = await measure(BASE + trivial.path, undefined, c);
      for (const p of pages) (result.pages[p.label] ??= {})[c] = await measure(BASE + p.path, cookies[p.who!], c);
      result.trivial[c] = mean(before, await measure(BASE + trivial.path, undefined, c));
      result.load = loadAverage();
      console.log(`  ${c} connection(s) measured, load average ${result.load.join(" ")}`);
    }
  } finally {
    await stopServer();
  }
  fs.writeFileSync(path.join(RESULTS, `${size}.json`), JSON.stringify(result, null, 2));
  return result;
}

// ── reporting ──

const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "—");
const ok = (b: boolean) => (b ? "met" : "NOT MET");

function report(r: SizeResult) {
  console.log(`\n${r.size.toLocaleString("en")} affiliates — ratios to the trivial page measured in the same run (${SECONDS} s per measure; load average ${r.load.join(" ")})`);
  for (const c of CONNECTIONS) {
    const t = r.trivial[c];
    console.log(`\n${c} connection(s): trivial page p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms, p99 ${t.p99.toFixed(1)} ms, ${t.rps.toFixed(1)} req/s`);
    console.log(["page".padEnd(36), "p50×".padStart(7), "p95×".padStart(7), "p99×".padStart(7), "req/s×".padStart(7), "  p95 ms", " req/s", " non-2xx"].join(" "));
    for (const [label, byC] of Object.entries(r.pages)) {
      const p = byC[c];
      console.log([label.padEnd(36), f2(p.p50 / t.p50).padStart(7), f2(p.p95 / t.p95).padStart(7), f2(p.p99 / t.p99).padStart(7), f2(p.rps / t.rps).padStart(7),
        p.p95.toFixed(1).padStart(8), p.rps.toFixed(1).padStart(6), String(p.non2xx + p.errors).padStart(8)].join(" "));
    }
  }
}

function targets(big: SizeResult, small: SizeResult | undefined) {
  console.log(`\ntargets (issue #19 part 3), at ${big.size.toLocaleString("en")} affiliates:`);
  const rows = Object.entries(big.pages);
  const slow = rows.filter(([, p]) => !(p[1].p95 < TARGET_P95_MS));
  console.log(`- a single request under ${TARGET_P95_MS} ms at p95: ${ok(slow.length === 0)}${slow.length ? ` (${slow.map(([l, p]) => `${l} ${p[1].p95.toFixed(0)} ms`).join(", ")})` : ""}`);
  const weak = rows.filter(([, p]) => !(p[50].rps / big.trivial[50].rps >= TARGET_RPS_RATIO));
  console.log(`- at 50 connections, ≥ ${TARGET_RPS_RATIO}× the trivial page's req/s: ${ok(weak.length === 0)}${weak.length ? ` (${weak.map(([l, p]) => `${l} ${f2(p[50].rps / big.trivial[50].rps)}×`).join(", ")})` : ""}`);
  if (!small || small.size >= big.size) {
    console.log(`- cost growth from ${DEMO_SIZE.toLocaleString("en")}: no run at a smaller size to compare with (BENCH_AFFILIATES=${DEMO_SIZE},${big.size})`);
    return;
  }
  console.log(`\ngrowth from ${small.size.toLocaleString("en")} (${small.at.slice(0, 16)}) to ${big.size.toLocaleString("en")} affiliates: a page's cost = its ratio to the trivial page; growth = cost at ${big.size.toLocaleString("en")} / cost at ${small.size.toLocaleString("en")}`);
  console.log(["page".padEnd(36), "p50 (1 conn)".padStart(13), "p95 (1 conn)".padStart(13), "req/s (50)".padStart(11)].join(" "));
  const grown: string[] = [];
  for (const [label, p] of rows) {
    const s = small.pages[label];
    if (!s) continue;
    const g50 = p[1].p50 / big.trivial[1].p50 / (s[1].p50 / small.trivial[1].p50);
    const g95 = p[1].p95 / big.trivial[1].p95 / (s[1].p95 / small.trivial[1].p95);
    const gRps = s[50].rps / small.trivial[50].rps / (p[50].rps / big.trivial[50].rps); // > 1: fewer requests served
    if (!(g50 <= TARGET_GROWTH)) grown.push(`${label} ${f2(g50)}×`);
    console.log([label.padEnd(36), `${f2(g50)}×`.padStart(13), `${f2(g95)}×`.padStart(13), `${f2(gRps)}×`.padStart(11)].join(" "));
  }
  console.log(`- no page's cost (p50 of a single request) grows more than ${TARGET_GROWTH}×: ${ok(grown.length === 0)}${grown.length ? ` (${grown.join(", ")})` : ""}`);
}

async function main() {
  const [{ name }] = await db.$queryRawUnsafe<{ name: string }[]>(`select current_database()::text as name`);
  if (!name.includes("bench")) throw new Error(`refusing to generate into "${name}": use a database named *bench*`);
  if (SIZES.length === 0) throw new Error("BENCH_AFFILIATES: one size or more, comma-separated (e.g. 2000,100000)");
  console.log(`bench/pages.ts — ${SIZES.map((s) => s.toLocaleString("en")).join(" and ")} affiliates, today ${TODAY}, ${CONNECTIONS.join("/")} connections × ${SECONDS} s per page, port ${PORT}`);
  ensureBuild();
  const results: SizeResult[] = [];
  for (const size of [...SIZES].sort((a, b) => a - b)) results.push(await benchSize(size));
  for (const r of results) report(r);
  const big = results[results.length - 1];
  // the smallest size of this run, else a kept run of another (smaller) size, the demo size first
  const kept = (s: number): SizeResult | undefined => {
    const file = path.join(RESULTS, `${s}.json`);
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as SizeResult) : undefined;
  };
  const small = results.length > 1 ? results[0]
    : kept(DEMO_SIZE) ?? fs.readdirSync(RESULTS).map((f) => /^(\d+)\.json$/.exec(f)?.[1]).filter(Boolean).map(Number).filter((s) => s < big.size).sort((a, b) => a - b).map(kept)[0];
  targets(big, small);
}

const stop = () => { void stopServer().finally(() => process.exit(130)); };
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
process.once("SIGHUP", stop);

main()
  .catch((e) => { console.error(e); process.exitCode = 1; })
  .finally(async () => { await stopServer(); await db.$disconnect(); });
