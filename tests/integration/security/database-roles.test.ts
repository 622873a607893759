// The database protects its own history (docs/decisions/0028): the portal connects as an application role that may
// read and insert the ledger, the allocations, the audit log and the request events but never update, delete or
// truncate them, nor disable their triggers — whatever the code does. The owner (migrations, seed, these fixtures) can.
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { dbDate } from "@/prisma/factories";
import { prisma as appPrisma } from "@/lib/db/client";

const prisma = testDatabase(); // the owner's client
const HISTORY = ["LedgerEntry", "PaymentAllocation", "AuditLog", "RequestEvent"] as const;

let app: pg.Client; // DATABASE_URL: what lib/db/client.ts, the worker and the jobs connect with
let owner: pg.Client; // DATABASE_OWNER_URL
beforeAll(async () => {
  app = new pg.Client({ connectionString: process.env.DATABASE_URL });
  owner = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL });
  await app.connect();
  await owner.connect();
});
afterAll(async () => {
  await app?.end();
  await owner?.end();
});

/** One row in each history table, written by the owner; ids for the application role's inserts. */
let rows: { affiliateId: string; feeEntryId: bigint; creditId: bigint; requestId: string; actorId: string };
beforeEach(async () => {
  const a = await affiliateWithCall(prisma, "History");
  const { user: actor } = await staffUser(prisma, "ADVISOR");
  const call = await prisma.ledgerEntry.findFirstOrThrow({ where: { affiliateId: a.affiliate.id, kind: "CALL" } });
  const fee = await prisma.ledgerEntry.findFirstOrThrow({ where: { affiliateId: a.affiliate.id, kind: "FEE" } });
  const credit = await prisma.ledgerEntry.create({
    data: { affiliateId: a.affiliate.id, kind: "PAYMENT", amountCents: -(call.amountCents + fee.amountCents), bookedOn: dbDate("2026-02-01"), reasonCode: "payment.received" },
  });
  await prisma.paymentAllocation.create({ data: { paymentEntryId: credit.id, targetEntryId: call.id, amountCents: call.amountCents } });
  await prisma.auditLog.create({ data: { actorId: actor.id, action: "dossier.view", entity: "Affiliate", entityId: a.affiliate.id } });
  const request = await prisma.request.create({ data: { reference: "D-2026-000001", type: "QUESTION", status: "SUBMITTED", affiliateId: a.affiliate.id, filedOn: dbDate("2026-01-10") } });
  await prisma.requestEvent.create({ data: { requestId: request.id, actorId: actor.id, toStatus: "SUBMITTED" } });
  rows = { affiliateId: a.affiliate.id, feeEntryId: fee.id, creditId: credit.id, requestId: request.id, actorId: actor.id };
});

/** The statement is refused for lack of privilege (42501), not by a trigger or a constraint. */
async function refused(client: pg.Client, sql: string, values: unknown[] = []) {
  await expect(client.query(sql, values)).rejects.toMatchObject({ code: "42501" });
}

/** Runs fn in a transaction that is rolled back: the owner's sanity checks leave nothing behind. */
async function rolledBack(client: pg.Client, fn: () => Promise<unknown>) {
  await client.query("BEGIN");
  try {
    await fn();
  } finally {
    await client.query("ROLLBACK");
  }
}

describe("the application role", () => {
  it("is the portal's connection, is not the owner and owns nothing", async () => {
    const [{ user }] = await appPrisma.$queryRaw<{ user: string }[]>`select current_user::text as user`;
    const { rows: owners } = await owner.query<{ owner: string }>(`select distinct tableowner::text as owner from pg_tables where tablename = any($1::text[])`, [HISTORY]);
    expect(owners).toHaveLength(1);
    expect(user).not.toBe(owners[0].owner);
    const { rows: owned } = await app.query(`select relname from pg_class where relowner = current_user::regrole and relnamespace = 'public'::regnamespace`);
    expect(owned).toEqual([]);
  });

  it.each(HISTORY)("may read and insert %s, never update, delete or truncate it, nor disable its triggers", async (table) => {
    const count = async (client: pg.Client) => (await client.query<{ n: number }>(`select count(*)::int as n from "${table}"`)).rows[0].n;
    const before = await count(app);
    expect(before).toBeGreaterThan(0);
    const insert = {
      LedgerEntry: [`insert into "LedgerEntry" ("affiliateId", kind, "amountCents", "bookedOn", "reasonCode") values ($1, 'ADJUSTMENT', 100, '2026-03-01', 'adjustment')`, [rows.affiliateId]],
      // the allocation check locks the debit and the credit as the owner (SECURITY DEFINER): the app role may insert
      PaymentAllocation: [`insert into "PaymentAllocation" ("paymentEntryId", "targetEntryId", "amountCents") values ($1, $2, 1)`, [rows.creditId, rows.feeEntryId]],
      AuditLog: [`insert into "AuditLog" ("actorId", action, entity, "entityId") values ($1, 'dossier.view', 'Affiliate', $2)`, [rows.actorId, rows.affiliateId]],
      RequestEvent: [`insert into "RequestEvent" ("requestId", "fromStatus", "toStatus") values ($1, 'SUBMITTED', 'IN_REVIEW')`, [rows.requestId]],
    }[table] as [string, unknown[]];
    await expect(app.query(insert[0], insert[1])).resolves.toMatchObject({ rowCount: 1 });

    await refused(app, `update "${table}" set id = id`);
    await refused(app, `delete from "${table}"`);
    await refused(app, `truncate "${table}"`);
    await refused(app, `truncate "${table}" cascade`);
    await refused(app, `alter table "${table}" disable trigger all`);
    await refused(app, `alter table "${table}" disable trigger user`);
    await refused(app, `select id from "${table}" for update`);
    expect(await count(owner)).toBe(before + 1);
  });

  it("cannot switch the triggers off for its session, nor become the owner", async () => {
    await refused(app, `set session_replication_role = replica`);
    const { rows: owners } = await owner.query<{ owner: string }>(`select tableowner::text as owner from pg_tables where tablename = 'AuditLog'`);
    await refused(app, `set role "${owners[0].owner.replaceAll('"', '""')}"`);
  });

  it("cannot rewrite the history through a parent row: deleting its author, renumbering a request or a user", async () => {
    // AuditLog/RequestEvent."actorId" are ON DELETE SET NULL, and foreign keys act as the table's owner
    await refused(app, `delete from "User" where id = $1`, [rows.actorId]);
    await refused(app, `update "User" set id = id || 'x' where id = $1`, [rows.actorId]);
    await refused(app, `update "Request" set id = id || 'x' where id = $1`, [rows.requestId]);
    // …while the rest of those rows stays the portal's to change
    await expect(app.query(`update "User" set name = 'Renamed' where id = $1`, [rows.actorId])).resolves.toMatchObject({ rowCount: 1 });
    await expect(app.query(`update "Request" set status = 'IN_REVIEW' where id = $1`, [rows.requestId])).resolves.toMatchObject({ rowCount: 1 });
    const audit = await prisma.auditLog.findFirstOrThrow({});
    expect(audit.actorId).toBe(rows.actorId);
  });

  it("cannot write through the views: a view writes as its owner", async () => {
    await refused(app, `delete from "LedgerOwed"`);
    await expect(app.query(`select count(*)::int as n from "LedgerOwed"`)).resolves.toMatchObject({ rows: [{ n: 2 }] });
  });

  it("locks debit entries only through caisse_lock_debits (what every allocation does first)", async () => {
    await rolledBack(app, async () => {
      await expect(app.query(`select caisse_lock_debits($1::text[]) as n`, [[rows.affiliateId]])).resolves.toMatchObject({ rows: [{ n: 2 }] });
    });
  });

  it("is what the portal's Prisma client connects as: it cannot rewrite an audit entry either", async () => {
    await expect(appPrisma.auditLog.updateMany({ data: { reason: "rewritten" } })).rejects.toThrow(/permission denied/);
    await expect(appPrisma.requestEvent.deleteMany({})).rejects.toThrow(/permission denied/);
    await expect(appPrisma.ledgerEntry.deleteMany({})).rejects.toThrow(/permission denied/);
    await expect(appPrisma.paymentAllocation.updateMany({ data: { amountCents: 1 } })).rejects.toThrow(/permission denied/);
    expect(await prisma.auditLog.count({ where: { reason: null } })).toBe(1);
  });
});

describe("the owner (migrations, seed, test resets)", () => {
  it("may still empty the history tables and disable their triggers", async () => {
    for (const table of HISTORY) {
      await rolledBack(owner, async () => {
        await owner.query(`alter table "${table}" disable trigger all`);
        await owner.query(`truncate "${table}" cascade`);
      });
    }
    await rolledBack(owner, () => owner.query(`update "AuditLog" set reason = 'corrected'`));
    expect(await prisma.ledgerEntry.count()).toBe(3);
  });
});
