// One account story and the set-off of a refund (issue #13, part 4), on real PostgreSQL: a regularisation refund
// first settles what the affiliate owes and is overdue (never what is not due yet), only the rest is to be paid out;
// the affiliate is told on the account (in words and euros: /me, the call page, the regularisation card) and by
// e-mail through the outbox; the figures of /me add up; and a payment matched while the job runs is never settled
// twice (two connections really interleaved).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { staffUser, UNUSABLE_HASH, viewerOf } from "../helpers/fixtures";
import { createPersonAffiliate, createUser, dbDate, makeCommunication } from "@/prisma/factories";
import { quarterlyCallsJob } from "@/lib/jobs/quarterly-calls";
import { regularisationJob } from "@/lib/jobs/regularisation";
import { runJob } from "@/lib/jobs/runner";
import { getMyOverview } from "@/lib/dal/account/get-my-overview";
import { getMyCallStatement } from "@/lib/dal/account/get-my-call-statement";
import { getMyRegularisation } from "@/lib/dal/contributions/get-my-regularisation";
import { matchPayment } from "@/lib/dal/payments/match-payment";
import { prisma as appPrisma } from "@/lib/db/client";
import { formatMoney } from "@/lib/format";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));
const TODAY = "2026-11-28";

/** A self-employed person whose 2025 provisional calls were on a high income (a refund once the real, low income is
 *  known): 2025 Q1–Q3 paid, 2025 Q4 unpaid (overdue), and a 2026 Q4 call not due yet. */
async function setup(language: "fr" | "nl", payQ4 = false) {
  await prisma.fund.create({ data: { name: "Caisse test", iban: "BE68539007547034", bic: "GKCCBEBB", creditorId: "BE12ZZZ0456810810", managementFeeBp: 305, address: "Rue 1", phone: "02", email: "info@test.be" } });
  const { person, affiliate } = await createPersonAffiliate(prisma, {
    memberNumber: "330002", niss: "85092205269", firstName: "Sara", lastName: "Bas", birthDate: "1985-09-22", sex: "F", category: "MAIN", startOn: "2010-01-01", language, email: "sara@test.caisse.be",
  });
  const user = await createUser(prisma, { email: "sara-login@test.caisse.be", passwordHash: UNUSABLE_HASH, role: "AFFILIATE", name: "Sara Bas", affiliateId: affiliate.id });
  await prisma.incomeRecord.create({ data: { personId: person.id, year: 2022, incomeCents: 6_000_000n, source: "seed" } });
  for (const q of [1, 2, 3, 4]) expect((await runJob(quarterlyCallsJob, { quarter: `2025-Q${q}` }, { prisma, today: "2025-01-02" })).ok).toBe(true);
  const calls = await prisma.contributionCall.findMany({ where: { affiliateId: affiliate.id, year: 2025 }, orderBy: { quarter: "asc" }, include: { ledger: true } });
  for (const c of calls.filter((c) => c.quarter < 4 || payQ4)) {
    const credit = await prisma.ledgerEntry.create({ data: { affiliateId: affiliate.id, kind: "PAYMENT", amountCents: -c.totalCents, bookedOn: c.dueOn, valueOn: c.dueOn, reasonCode: "payment.received", reasonParams: {} } });
    await prisma.paymentAllocation.createMany({ data: c.ledger.map((e) => ({ paymentEntryId: credit.id, targetEntryId: e.id, amountCents: e.amountCents })) });
  }
  const next = await prisma.contributionCall.create({
    data: {
      affiliateId: affiliate.id, kind: "PROVISIONAL", year: 2026, quarter: 4, category: "MAIN", contributionCents: 300_000, managementFeeCents: 9_150, totalCents: 309_150,
      structuredCommunication: makeCommunication("2641330002"), issuedOn: dbDate("2026-10-01"), dueOn: dbDate("2026-12-31"), breakdown: [],
      ledger: { create: [{ affiliateId: affiliate.id, kind: "CALL", amountCents: 300_000, bookedOn: dbDate("2026-10-01"), reasonCode: "call.provisional", reasonParams: { year: 2026, quarter: 4 } }] },
    },
  });
  await prisma.ledgerEntry.create({ data: { affiliateId: affiliate.id, kind: "FEE", amountCents: 9_150, bookedOn: dbDate("2026-10-01"), callId: next.id, reasonCode: "call.managementFee", reasonParams: {} } });
  const dir = mkdtempSync(path.join(tmpdir(), "setoff-"));
  writeFileSync(path.join(dir, "reg.csv"), "niss;year;income_eur\n85092205269;2025;15000,50\n");
  return { affiliate, viewer: viewerOf(user), q4: calls[3], next, file: path.join(dir, "reg.csv") };
}

const owedOn = async (callId: string) =>
  Number((await prisma.$queryRawUnsafe<{ owed: bigint }[]>(`SELECT coalesce(sum("owedCents"), 0)::bigint AS owed FROM "LedgerOwed" WHERE "callId" = $1`, callId))[0].owed);

describe("a refund is first set off against what is overdue", () => {
  it("settles the overdue call, leaves the call not yet due alone, tells the affiliate in words and euros, and never twice", async () => {
    const s = await setup("fr");
    const run = await runJob(regularisationJob, { file: s.file }, { prisma, today: TODAY });
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    const credit = await prisma.ledgerEntry.findFirstOrThrow({ where: { affiliateId: s.affiliate.id, kind: "ADJUSTMENT" }, include: { allocationsFrom: { include: { targetEntry: true } } } });
    const refund = -credit.amountCents;
    const q4 = s.q4.totalCents;
    expect(refund).toBeGreaterThan(q4);
    expect(run.result.counts).toMatchObject({ refunds: 1, refundsSetOff: 1 });
    expect(run.result.details?.setOff).toEqual({ count: 1, totalCents: q4 });
    expect(credit).toMatchObject({ reasonCode: "regularisation.credit", reasonParams: { year: 2025, refundCents: refund, setOffCents: q4, payoutCents: refund - q4 } });
    // the overdue 2025 Q4 call is settled, principal and fee; the 2026 Q4 call (due 31/12/2026) is not touched
    expect(credit.allocationsFrom.map((a) => [a.targetEntry.callId, a.targetEntry.kind, a.amountCents]).sort()).toEqual(
      s.q4.ledger.map((e) => [s.q4.id, e.kind, e.amountCents]).sort(),
    );
    expect(await owedOn(s.q4.id)).toBe(0);
    expect(await owedOn(s.next.id)).toBe(309_150);

    // the e-mail, through the outbox: the refund, what it settled and what is paid out, in euros and Belgian dates
    const mail = await prisma.outboundEmail.findUniqueOrThrow({ where: { uniqueKey: `set-off:regularisation:${s.affiliate.id}:2025` } });
    expect(mail).toMatchObject({ to: "sara@test.caisse.be", template: "refund.set-off", affiliateId: s.affiliate.id });
    expect(mail.subject).toBe("Votre remboursement de régularisation 2025 a d'abord réglé vos cotisations en retard");
    expect(mail.text).toContain(`remboursement de ${formatMoney("fr", refund)}`);
    expect(mail.text).toContain(`le 28/11/2026, nous avons d'abord réglé ${formatMoney("fr", q4)}`);
    expect(mail.text).toContain(`- Cotisation provisoire — 4e trimestre 2025 : ${formatMoney("fr", q4)}`);
    expect(mail.text).toContain(`Le solde, ${formatMoney("fr", refund - q4)}, vous sera versé sur votre compte bancaire.`);

    // the account tells one story: nothing overdue any more, the next call owed, the rest of the refund in her favour
    const o = await getMyOverview(s.viewer, TODAY);
    expect(o).toMatchObject({ owedCents: 309_150, overdueCents: 0, creditCents: refund - q4, balanceCents: 309_150 - (refund - q4), nextDue: { dueOn: "2026-12-31", amountCents: 309_150 } });
    expect(o.refunds).toEqual([
      {
        year: 2025, bookedOn: TODAY, refundCents: refund, setOffCents: q4, paidOutCents: 0, paidOutOn: null, toPayOutCents: refund - q4,
        lines: [{ call: { id: s.q4.id, kind: "PROVISIONAL", year: 2025, quarter: 4 }, surcharge: false, amountCents: q4 }],
      },
    ]);
    const statement = await getMyCallStatement(s.viewer, s.q4.id);
    expect(statement.outstandingCents).toBe(0);
    expect(statement.payments).toMatchObject([{ kind: "ADJUSTMENT", reasonCode: "regularisation.credit", reasonParams: { year: 2025 }, amountCents: refund, allocatedToCallCents: q4 }]);
    expect((await getMyRegularisation(s.viewer, TODAY)).years.find((y) => y.year === 2025)).toMatchObject({ outcome: "refund", refundCents: refund, setOffCents: q4, toPayOutCents: refund - q4, paidOutOn: null });

    // the same file again: nothing new, no second e-mail
    await runJob(regularisationJob, { file: s.file }, { prisma, today: TODAY });
    expect(await prisma.paymentAllocation.count({ where: { paymentEntryId: credit.id } })).toBe(credit.allocationsFrom.length);
    expect(await prisma.outboundEmail.count({ where: { template: "refund.set-off" } })).toBe(1);
  });

  it("with nothing overdue the whole refund is to be paid out, and no set-off e-mail is sent", async () => {
    const s = await setup("nl", true);
    await runJob(regularisationJob, { file: s.file }, { prisma, today: TODAY });
    const credit = await prisma.ledgerEntry.findFirstOrThrow({ where: { affiliateId: s.affiliate.id, kind: "ADJUSTMENT" } });
    const refund = -credit.amountCents;
    expect(credit.reasonParams).toMatchObject({ setOffCents: 0, payoutCents: refund });
    expect(await prisma.paymentAllocation.count({ where: { paymentEntryId: credit.id } })).toBe(0);
    expect(await prisma.outboundEmail.count({ where: { template: "refund.set-off" } })).toBe(0);
    const o = await getMyOverview(s.viewer, TODAY);
    expect(o).toMatchObject({ owedCents: 309_150, overdueCents: 0, creditCents: refund, balanceCents: 309_150 - refund });
    expect(o.refunds).toMatchObject([{ setOffCents: 0, lines: [], toPayOutCents: refund }]);
  });

  it("a Dutch affiliate is told in Dutch", async () => {
    const s = await setup("nl");
    await runJob(regularisationJob, { file: s.file }, { prisma, today: TODAY });
    const mail = await prisma.outboundEmail.findFirstOrThrow({ where: { template: "refund.set-off" } });
    expect(mail.subject).toBe("Uw terugbetaling na regularisatie 2025 heeft eerst uw achterstallige bijdragen betaald");
    expect(mail.text).toContain(`- Voorlopige bijdrage — 4e kwartaal 2025: ${formatMoney("nl", s.q4.totalCents)}`);
    expect(mail.text).toContain("schuldvergelijking");
  });
});

describe("the refund job and a payment at the same time", () => {
  it("the job waits for a payment being matched on the same dossier, then reads what it settled: nothing is settled twice", async () => {
    const s = await setup("fr");
    const one = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await one.connect();
    try {
      // an advisor matches a payment to the overdue call: the dossier's debits are locked, the allocation written…
      await one.query("BEGIN");
      await one.query(`SELECT caisse_lock_debits($1::text[])`, [[s.affiliate.id]]);
      const entry = await one.query(
        `INSERT INTO "LedgerEntry" ("affiliateId", kind, "amountCents", "bookedOn", "reasonCode", "reasonParams") VALUES ($1, 'PAYMENT', $2, '2026-11-27', 'payment.received', '{}') RETURNING id`,
        [s.affiliate.id, -s.q4.totalCents],
      );
      for (const e of s.q4.ledger)
        await one.query(`INSERT INTO "PaymentAllocation" ("paymentEntryId", "targetEntryId", "amountCents") VALUES ($1, $2, $3)`, [entry.rows[0].id, e.id, e.amountCents]);
      // …meanwhile the regularisation runs: it waits on the lock
      let settled = false;
      const job = runJob(regularisationJob, { file: s.file }, { prisma, today: TODAY }).finally(() => (settled = true));
      await new Promise((r) => setTimeout(r, 800));
      expect(settled).toBe(false);
      await one.query("COMMIT");
      const run = await job;
      expect(run.ok && run.result.counts).toMatchObject({ refunds: 1, refundsSetOff: 0 });
    } finally {
      await one.end();
    }
    // the call was paid: the refund settles nothing, it is all to be paid out
    const credit = await prisma.ledgerEntry.findFirstOrThrow({ where: { affiliateId: s.affiliate.id, kind: "ADJUSTMENT" }, include: { allocationsFrom: true } });
    expect(credit.allocationsFrom).toEqual([]);
    expect(credit.reasonParams).toMatchObject({ setOffCents: 0, payoutCents: -credit.amountCents });
    expect(await owedOn(s.q4.id)).toBe(0);
    expect(await prisma.outboundEmail.count({ where: { template: "refund.set-off" } })).toBe(0);
  });

  it("the job and a matched payment really at once, whichever comes first: the overdue call is settled exactly once", async () => {
    for (let round = 0; round < 3; round++) {
      await resetDatabase(prisma);
      const s = await setup("fr");
      const { viewer: advisor } = await staffUser(prisma, "ADVISOR", `anna${round}`);
      const payment = await prisma.payment.create({ data: { source: "CODA", status: "UNMATCHED", amountCents: s.q4.totalCents, valueOn: dbDate("2026-11-27"), bankReference: `race-${round}` } });
      const [run, matched] = await Promise.all([runJob(regularisationJob, { file: s.file }, { prisma, today: TODAY }), matchPayment(advisor, { paymentId: payment.id, callId: s.q4.id })]);
      expect(run.ok).toBe(true);
      const credit = await prisma.ledgerEntry.findFirstOrThrow({ where: { affiliateId: s.affiliate.id, kind: "ADJUSTMENT" }, include: { allocationsFrom: true } });
      const setOff = credit.allocationsFrom.reduce((sum, a) => sum + a.amountCents, 0);
      // either the refund settled the call (the payment then went to the next call) or the payment did (no set-off)
      expect([0, s.q4.totalCents]).toContain(setOff);
      expect(credit.reasonParams).toMatchObject({ setOffCents: setOff, payoutCents: -credit.amountCents - setOff });
      expect(matched.allocatedCents + matched.unallocatedCents).toBe(s.q4.totalCents);
      expect(await owedOn(s.q4.id)).toBe(0);
      expect(await owedOn(s.next.id)).toBe(309_150 - (setOff > 0 ? matched.allocatedCents : 0));
      const over = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*)::bigint AS n FROM "LedgerEntry" e WHERE e."affiliateId" = $1 AND e."amountCents" > 0
           AND (SELECT coalesce(sum(pa."amountCents"), 0) FROM "PaymentAllocation" pa WHERE pa."targetEntryId" = e.id) > e."amountCents"`,
        s.affiliate.id,
      );
      expect(Number(over[0].n)).toBe(0);
    }
  });
});
