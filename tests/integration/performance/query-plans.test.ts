// Issue #19, "Done means": no per-person page query reads a table without a bound on that person.
//
// How: the demo fund (prisma/seed.ts, 2,000 dossiers, some 60,000 ledger rows) is loaded into the test database,
// then the per-person tables the demo leaves small — requests (a few hundred), payment plans and their instalments
// (under a thousand), documents and notifications (none) — are grown to national proportions (tens of thousands of
// rows, spread over the other dossiers; rows copied from the demo's own, or made like the portal makes them), so that
// a query without an index bound on the person would be planned as a scan of the whole table: on a table of a few
// hundred rows the planner rightly scans, and the test would prove nothing. Then ANALYZE, with the planner's settings
// left as they are (enable_seqscan stays on).
//
// The data-access functions the per-person pages call (/me, /me/pay, /me/calls/[id], /me/requests…, /me/documents,
// /me/inbox, /me/profile, and the staff dossier page) are run for one dossier with a long history, a payment plan,
// requests, documents and notifications, while every statement they send is recorded at the driver (node-postgres'
// Client.query: the exact SQL text and parameters Prisma sends). Each statement is then EXPLAINed (FORMAT JSON, with
// its own parameters), and a plan fails when it reads a watched table with a sequential scan or a full index scan
// (an Index Scan or Index Only Scan without an index condition).
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { getMyCallStatement } from "@/lib/dal/account/get-my-call-statement";
import { getMyOverview } from "@/lib/dal/account/get-my-overview";
import { getMyPaymentInstructions } from "@/lib/dal/account/get-my-payment-instructions";
import { getMyPaymentPlan } from "@/lib/dal/account/get-my-payment-plan";
import { listMyNotifications } from "@/lib/dal/account/list-my-notifications";
import { listMyBenefits } from "@/lib/dal/benefits/list-my-benefits";
import { getMyRegularisation } from "@/lib/dal/contributions/get-my-regularisation";
import { listMyDocuments } from "@/lib/dal/documents/list-my-documents";
import { getDossier } from "@/lib/dal/dossiers/get-dossier";
import { getDossierDetails } from "@/lib/dal/dossiers/get-dossier-details";
import { getMyMandates } from "@/lib/dal/payments/get-my-mandates";
import { getMyProfile } from "@/lib/dal/profile/get-my-profile";
import { listMyDossierConsultations } from "@/lib/dal/profile/list-my-dossier-consultations";
import { listMySignIns } from "@/lib/dal/profile/list-my-sign-ins";
import { getMyRequest } from "@/lib/dal/requests/get-my-request";
import { listMyRequests } from "@/lib/dal/requests/list-my-requests";
import { outstandingByCall, accountPosition } from "@/lib/dal/internal/owed";
import { resetDatabase, createTestPrisma } from "../helpers/db";

const TODAY = "2026-11-28"; // the demo fund's day (prisma/seed.ts SEED_TODAY)
/** Per-person tables: none may be read without a bound on the person. */
const WATCHED = new Set(["LedgerEntry", "PaymentAllocation", "ContributionCall", "Request", "Document", "Notification", "PaymentPlan", "Instalment"]);
/** Below this, a scan may be the planner's right choice and the check proves nothing. */
const NATIONAL_ROWS = 10_000;

// ---------------------------------------------------------------- the statements, recorded at the driver

type Statement = { text: string; values: unknown[] };
let recording: Statement[] | null = null;
const clientQuery = pg.Client.prototype.query;
function recordQueries() {
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [config, values] = args as [unknown, unknown];
    if (recording && config && typeof config === "object" && "text" in config) {
      const c = config as { text: string; values?: unknown[] };
      recording.push({ text: c.text, values: c.values ?? (Array.isArray(values) ? values : []) });
    }
    return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
}

async function statementsOf(run: () => Promise<unknown>): Promise<Statement[]> {
  recording = [];
  try {
    await run();
    return recording;
  } finally {
    recording = null;
  }
}

// ---------------------------------------------------------------- plans

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; "Index Cond"?: string; Plans?: PlanNode[] };

/** The watched tables some recorded page query read (each must be: else the recording missed them). */
const tablesRead = new Set<string>();

/** The reads of a watched table with no bound: sequential scans, and index scans without an index condition. */
function unboundedReads(node: PlanNode, out: string[] = []): string[] {
  const table = node["Relation Name"];
  if (table && WATCHED.has(table)) {
    tablesRead.add(table);
    if (node["Node Type"] === "Seq Scan") out.push(`Seq Scan on "${table}"`);
    if ((node["Node Type"] === "Index Scan" || node["Node Type"] === "Index Only Scan") && !node["Index Cond"]) {
      out.push(`full scan of index ${node["Index Name"]} on "${table}"`);
    }
  }
  for (const child of node.Plans ?? []) unboundedReads(child, out);
  return out;
}

/** Statements whose plan means something: reads and writes, not transaction control. */
const PLANNED = /^\s*(select|with|update|delete|insert)\b/i;

let owner: pg.Client;
async function planOf(s: Statement): Promise<PlanNode> {
  const { rows } = await owner.query({ text: `EXPLAIN (FORMAT JSON) ${s.text}`, values: s.values as unknown[] });
  return (rows[0]["QUERY PLAN"] as { Plan: PlanNode }[])[0].Plan;
}

// ---------------------------------------------------------------- the demo fund, grown

const GROW_SQL = `
SET session_replication_role = replica; -- copies of existing rows: no trigger re-checks what the seed already checked

-- requests: the demo's own, copied ×60 onto the same (other) dossiers
INSERT INTO "Request" (id, reference, type, status, "affiliateId", payload, "filedOn", "informationDueOn", "decisionDueOn",
  "pausedDays", "assigneeId", "proposedById", "proposedDecision", "decidedAt", "decidedById", "decisionReasonCode", "decisionText", "createdAt", "updatedAt")
SELECT r.id || '-g' || g, r.reference || '-g' || g, r.type, r.status, r."affiliateId", r.payload, r."filedOn", r."informationDueOn", r."decisionDueOn",
  r."pausedDays", r."assigneeId", r."proposedById", r."proposedDecision", r."decidedAt", r."decidedById", r."decisionReasonCode", r."decisionText", r."createdAt", r."updatedAt"
FROM "Request" r, generate_series(1, 60) g
WHERE r."affiliateId" IS DISTINCT FROM $1;

-- payment plans and their instalments, copied ×120 (a copy answers no request, and is a past plan: one active each)
INSERT INTO "PaymentPlan" (id, "affiliateId", "requestId", status, "debtCents", "advanceCents", months, "startOn", "brokenOn", "createdAt")
SELECT p.id || '-g' || g, p."affiliateId", NULL, CASE WHEN p.status = 'ACTIVE' THEN 'COMPLETED'::"PlanStatus" ELSE p.status END, p."debtCents", p."advanceCents", p.months, p."startOn", p."brokenOn", p."createdAt"
FROM "PaymentPlan" p, generate_series(1, 120) g
WHERE p."affiliateId" <> $1 AND p.id NOT LIKE '%-g%';
INSERT INTO "Instalment" (id, "planId", seq, "dueOn", "amountCents", "paidCents", "structuredCommunication", "remindedOn")
SELECT i.id || '-g' || g, i."planId" || '-g' || g, i.seq, i."dueOn", i."amountCents", i."paidCents",
  lpad((800000000000 + row_number() OVER ())::text, 12, '0'), i."remindedOn"
FROM "Instalment" i JOIN "PaymentPlan" p ON p.id = i."planId", generate_series(1, 120) g
WHERE p."affiliateId" <> $1 AND p.id NOT LIKE '%-g%';

-- documents and notifications: a dozen per dossier, as the portal stores them
INSERT INTO "Document" (id, "affiliateId", kind, "fileName", "mimeType", "sizeBytes", content, "uniqueKey", "createdAt")
SELECT 'doc-g-' || a.id || '-' || g, a.id, (ARRAY['CALL_NOTICE','DECISION','TAX_CERTIFICATE','WELCOME_PACK'])[1 + g % 4]::"DocumentKind",
  'document-' || g || '.pdf', 'application/pdf', 4, '\\x25504446'::bytea, 'doc-g-' || a.id || '-' || g, timestamp '2026-11-28' - g * interval '9 days'
FROM "Affiliate" a, generate_series(1, 12) g;
INSERT INTO "Notification" (id, "affiliateId", kind, subject, text, link, "uniqueKey", "createdAt", "readAt")
SELECT 'notice-g-' || a.id || '-' || g, a.id, 'payment', 'Paiement reçu', 'Nous avons reçu votre paiement.', '/me/pay',
  'notice-g-' || a.id || '-' || g, timestamp '2026-11-28' - g * interval '5 days', CASE WHEN g > 3 THEN timestamp '2026-11-28' END
FROM "Affiliate" a, generate_series(1, 12) g;

SET session_replication_role = origin;
`;

let person: Viewer;
let staff: Viewer;
let callId: string;
let requestReference: string;
const prisma = createTestPrisma();

beforeAll(async () => {
  const ownerUrl = process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL!;
  await resetDatabase(prisma);
  // the demo fund, exactly as `npm start` seeds it
  await promisify(execFile)(path.resolve("node_modules/.bin/tsx"), ["prisma/seed.ts"], {
    env: { ...process.env, DATABASE_URL: ownerUrl, SEED_AFFILIATES: "2000" },
    maxBuffer: 16 * 1024 * 1024,
  });
  owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  // the person: the dossier with a payment plan and the longest ledger, who has requests too
  const { rows } = await owner.query<{ id: string }>(`
    SELECT a.id FROM "Affiliate" a
    WHERE EXISTS (SELECT 1 FROM "PaymentPlan" p WHERE p."affiliateId" = a.id) AND EXISTS (SELECT 1 FROM "Request" r WHERE r."affiliateId" = a.id)
    ORDER BY (SELECT count(*) FROM "LedgerEntry" e WHERE e."affiliateId" = a.id) DESC, a.id LIMIT 1`);
  const affiliateId = rows[0].id;
  await owner.query(GROW_SQL.replaceAll("$1", `'${affiliateId.replaceAll("'", "''")}'`));
  // a login for that dossier (the profile pages read the person's own sign-ins)
  const login = await prisma.user.upsert({
    where: { affiliateId },
    update: {},
    create: { email: `plans-${affiliateId}@test.caisse.be`, passwordHash: "-", role: "AFFILIATE", name: "Plans", affiliateId },
  });
  person = { userId: login.id, role: "AFFILIATE", affiliateId, name: login.name };
  const advisor = await prisma.user.findFirstOrThrow({ where: { role: "ADVISOR" }, orderBy: { email: "asc" } });
  staff = { userId: advisor.id, role: "ADVISOR", affiliateId: null, name: advisor.name };
  callId = (await prisma.contributionCall.findFirstOrThrow({ where: { affiliateId }, orderBy: { dueOn: "desc" } })).id;
  requestReference = (await prisma.request.findFirstOrThrow({ where: { affiliateId }, orderBy: { filedOn: "desc" } })).reference;
  await owner.query("ANALYZE");
  recordQueries();
}, 240_000);

afterAll(async () => {
  pg.Client.prototype.query = clientQuery;
  await owner?.end();
  await prisma.$disconnect();
  const { prisma: appPrisma } = await import("@/lib/db/client");
  await appPrisma.$disconnect();
});

describe("the per-person page queries (EXPLAIN on the demo fund grown to national proportions)", () => {
  it("run on tables large enough for a missing bound to show as a scan", async () => {
    for (const table of WATCHED) {
      const { rows } = await owner.query<{ n: string }>(`SELECT reltuples::bigint::text AS n FROM pg_class WHERE oid = '"${table}"'::regclass`);
      expect(Number(rows[0].n), table).toBeGreaterThanOrEqual(NATIONAL_ROWS);
    }
  });

  const PAGES: [string, () => Promise<unknown>][] = [
    ["LedgerOwed: what is owed per call (lib/dal/internal/owed.ts)", () => outstandingByCall(person.affiliateId!)],
    ["LedgerOwed: the account position (lib/dal/internal/owed.ts)", () => accountPosition(person.affiliateId!, TODAY)],
    ["/me: the overview (calls, ledger, payments)", () => getMyOverview(person, TODAY)],
    ["/me: the regularisation", () => getMyRegularisation(person, TODAY)],
    ["/me: the benefits", () => listMyBenefits(person)],
    ["/me, /me/pay: the payment plan", () => getMyPaymentPlan(person, TODAY)],
    ["/me/pay: the calls to pay and the mandates", () => getMyPaymentInstructions(person)],
    ["/me/pay: the direct-debit mandates", () => getMyMandates(person)],
    ["/me/calls/[id]: one call's statement (payments and allocations)", () => getMyCallStatement(person, callId)],
    ["/me/requests: the requests", () => listMyRequests(person)],
    ["/me/requests/[reference]: one request", () => getMyRequest(person, requestReference)],
    ["/me/documents: the documents", () => listMyDocuments(person)],
    ["/me, /me/inbox: the notifications", () => listMyNotifications(person)],
    ["/me/profile: the profile, sign-ins and staff consultations", () => Promise.all([getMyProfile(person), listMySignIns(person), listMyDossierConsultations(person)])],
    ["/staff/dossiers/[id]: the dossier", () => getDossier(staff, person.affiliateId!, TODAY)],
    ["/staff/dossiers/[id]: its details", () => getDossierDetails(staff, person.affiliateId!)],
  ];

  it.each(PAGES)("%s: every statement bounded on the person", async (_label, run) => {
    const statements = (await statementsOf(run)).filter((s) => PLANNED.test(s.text));
    expect(statements.length).toBeGreaterThan(0);
    const unbounded: string[] = [];
    for (const s of statements) {
      for (const read of unboundedReads(await planOf(s))) unbounded.push(`${read} in: ${s.text.replace(/\s+/g, " ").slice(0, 400)}`);
    }
    expect(unbounded).toEqual([]);
  });

  it("read every watched table: the recording saw the pages' queries", () => {
    expect([...WATCHED].filter((t) => !tablesRead.has(t))).toEqual([]);
  });

  it("the check itself sees an unbounded read (a whole-ledger query fails it)", async () => {
    const plan = await planOf({ text: `SELECT sum("amountCents") FROM "LedgerEntry" WHERE "reasonCode" = $1`, values: ["x"] });
    expect(unboundedReads(plan)).toEqual(['Seq Scan on "LedgerEntry"']);
  });
});
