// Money under concurrency, on real PostgreSQL: two things at once — two connections, two transactions really
// interleaved — leave the ledger right. Where the code could be wrong, the database refuses (migration
// money_under_concurrency); where the code is right, the second writer waits for the first and reads the truth.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { resetDatabase, testDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { dbDate } from "@/prisma/factories";
import { AppError } from "@/lib/errors";
import { matchPayment } from "@/lib/dal/payments/match-payment";
import { requestMyPaymentPlan } from "@/lib/dal/requests/request-my-payment-plan";
import { recordBirth } from "@/lib/dal/benefits/record-birth";

const prisma = testDatabase();

const TODAY = "2026-11-28";

async function connection() {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await c.connect();
  return c;
}

/** A PAYMENT credit entry of the dossier (what a booked payment writes before it is allocated). */
async function credit(affiliateId: string, amountCents: number, key: string) {
  const e = await prisma.ledgerEntry.create({
    data: { affiliateId, kind: "PAYMENT", amountCents: -amountCents, bookedOn: dbDate("2026-04-01"), reasonCode: "payment.received", uniqueKey: key },
  });
  return e.id;
}

/** Sum of the allocations to each debit entry of a dossier, with the entry's amount. */
async function allocatedPerDebit(affiliateId: string) {
  return prisma.$queryRawUnsafe<{ id: bigint; amount: number; allocated: number }[]>(
    `SELECT e.id, e."amountCents" AS amount, coalesce(sum(pa."amountCents"), 0)::int AS allocated
       FROM "LedgerEntry" e LEFT JOIN "PaymentAllocation" pa ON pa."targetEntryId" = e.id
      WHERE e."affiliateId" = $1 AND e."amountCents" > 0 GROUP BY e.id ORDER BY e.id`,
    affiliateId,
  );
}

describe("allocations under concurrency", () => {
  it("the database refuses a second allocation that would settle a debit twice, even when both run at once", async () => {
    const a = await affiliateWithCall(prisma, "Twice");
    const debit = await prisma.ledgerEntry.findFirstOrThrow({ where: { affiliateId: a.affiliate.id, kind: "CALL" } });
    const [c1, c2] = [await credit(a.affiliate.id, debit.amountCents, "c1"), await credit(a.affiliate.id, debit.amountCents, "c2")];
    const one = await connection();
    const two = await connection();
    try {
      await one.query("BEGIN");
      await two.query("BEGIN");
      await one.query(`INSERT INTO "PaymentAllocation" ("paymentEntryId", "targetEntryId", "amountCents") VALUES ($1, $2, $3)`, [c1, debit.id, debit.amountCents]);
      // the second transaction waits on the debit's row lock taken by the first…
      let settled = false;
      const second = two
        .query(`INSERT INTO "PaymentAllocation" ("paymentEntryId", "targetEntryId", "amountCents") VALUES ($1, $2, $3)`, [c2, debit.id, 1])
        .finally(() => (settled = true));
      second.catch(() => {});
      await new Promise((r) => setTimeout(r, 300));
      expect(settled).toBe(false);
      await one.query("COMMIT");
      // …then sees the first allocation and is refused: not one cent more than the debit
      await expect(second).rejects.toMatchObject({ code: "23514", constraint: "PaymentAllocation_within_debit" });
      await two.query("ROLLBACK");
    } finally {
      await one.end();
      await two.end();
    }
    expect((await allocatedPerDebit(a.affiliate.id)).find((r) => r.id === debit.id)).toMatchObject({ allocated: debit.amountCents });
    // and a credit never spends more than it holds, a non-debit is never a target
    await expect(prisma.paymentAllocation.create({ data: { paymentEntryId: c2, targetEntryId: debit.id, amountCents: 1 } })).rejects.toThrow(/PaymentAllocation_within_debit|exceeds/);
    const fee = await prisma.ledgerEntry.findFirstOrThrow({ where: { affiliateId: a.affiliate.id, kind: "FEE" } });
    await expect(prisma.paymentAllocation.create({ data: { paymentEntryId: c1, targetEntryId: fee.id, amountCents: 1 } })).rejects.toThrow(/PaymentAllocation_within_credit|exceeds its credit/);
    await expect(prisma.paymentAllocation.create({ data: { paymentEntryId: c2, targetEntryId: c1, amountCents: 1 } })).rejects.toThrow(/PaymentAllocation_target_is_debit|not a debit/);
  });

  it("two advisors matching two payments to the same dossier at once: the call is settled once, the rest stays a credit", async () => {
    const a = await affiliateWithCall(prisma, "Matched");
    const { viewer: anna } = await staffUser(prisma, "ADVISOR", "anna");
    const { viewer: bert } = await staffUser(prisma, "ADVISOR", "bert");
    const total = a.contribution.totalCents;
    const payments = await Promise.all(
      ["p1", "p2"].map((ref) => prisma.payment.create({ data: { source: "CODA", status: "UNMATCHED", amountCents: total, valueOn: dbDate("2026-04-02"), bankReference: ref } })),
    );
    const results = await Promise.all([
      matchPayment(anna, { paymentId: payments[0].id, callId: a.call.id }),
      matchPayment(bert, { paymentId: payments[1].id, callId: a.call.id }),
    ]);
    // the second match waited for the first (the dossier's debits are locked before they are read), then found
    // nothing left to settle: its payment stays a credit on the account, never a second settlement
    expect(results.map((r) => r.allocatedCents).sort((x, y) => x - y)).toEqual([0, total]);
    expect(results.map((r) => r.unallocatedCents).sort((x, y) => x - y)).toEqual([0, total]);
    for (const row of await allocatedPerDebit(a.affiliate.id)) expect(row.allocated).toBe(row.amount);
    const owed = await prisma.$queryRawUnsafe<{ owed: number }[]>(`SELECT coalesce(sum("owedCents"), 0)::int AS owed FROM "LedgerOwed" WHERE "affiliateId" = $1`, a.affiliate.id);
    expect(owed[0].owed).toBe(0);
  });
});

describe("one plan, one offer", () => {
  it("a payment plan submitted twice at once (double click, two tabs) puts one plan in force", async () => {
    for (let round = 0; round < 3; round++) {
      await resetDatabase(prisma);
      const a = await affiliateWithCall(prisma, `Plan${round}`);
      const outcomes = await Promise.allSettled([requestMyPaymentPlan(a.viewer, "2026-05-04", { months: 6 }), requestMyPaymentPlan(a.viewer, "2026-05-04", { months: 6 })]);
      expect(await prisma.paymentPlan.count({ where: { affiliateId: a.affiliate.id, status: "ACTIVE" } })).toBe(1);
      const fulfilled = outcomes.filter((o) => o.status === "fulfilled");
      const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
      expect(fulfilled.length).toBeGreaterThanOrEqual(1);
      // the other one either waited and was refused in words, or (when it came second) went to the advisor
      for (const r of rejected) expect(r.reason).toMatchObject({ kind: "refused", code: "planAlreadyActive" });
      for (const r of rejected) expect(r.reason).toBeInstanceOf(AppError);
    }
    // the database itself refuses a second active plan for one debtor
    const plan = await prisma.paymentPlan.findFirstOrThrow({ where: { status: "ACTIVE" } });
    await expect(
      prisma.paymentPlan.create({ data: { affiliateId: plan.affiliateId, status: "ACTIVE", debtCents: 1, advanceCents: 0, months: 1, startOn: dbDate(TODAY) } }),
    ).rejects.toThrow();
  });

  it("a birth recorded twice at once gives one birth and one maternity-aid offer", async () => {
    const mother = await affiliateWithCall(prisma, "Mother");
    const { viewer: anna } = await staffUser(prisma, "ADVISOR", "anna");
    const { viewer: bert } = await staffUser(prisma, "ADVISOR", "bert");
    const results = await Promise.all([
      recordBirth(anna, { affiliateId: mother.affiliate.id, bornOn: "2026-10-02" }, "2026-10-05"),
      recordBirth(bert, { affiliateId: mother.affiliate.id, bornOn: "2026-10-02" }, "2026-10-05"),
    ]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(await prisma.birth.count()).toBe(1);
    expect(await prisma.benefitClaim.count({ where: { type: "MATERNITY_AID" } })).toBe(1);
  });
});
