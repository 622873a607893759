// Quarterly calls on a real PostgreSQL: one call per subject affiliate, none on a rerun, and a run that dies
// after its first chunk then rerun ends exactly like one clean run.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { createPersonAffiliate, dbDate, makeNiss } from "@/prisma/factories";
import { quarterlyCallsJob } from "@/lib/jobs/quarterly-calls";
import { runJob } from "@/lib/jobs/runner";
import type { PrismaClient } from "@/lib/generated/prisma/client";

const prisma = createTestPrisma();
afterAll(() => prisma.$disconnect());
beforeEach(() => resetDatabase(prisma));

const TODAY = "2026-03-20";
const CATS = ["MAIN", "MAIN", "HELPING_SPOUSE", "COMPLEMENTARY", "STUDENT"] as const;

async function fund(db: PrismaClient) {
  await db.fund.create({ data: { name: "Caisse test", iban: "BE68539007547034", bic: "GKCCBEBB", creditorId: "BE12ZZZ0456810810", managementFeeBp: 305, address: "Rue 1, 1000 Bruxelles", phone: "02", email: "info@test.be" } });
}

/** n affiliates (deterministic), plus one who ended before the quarter and one company: neither is subject. */
async function population(db: PrismaClient, n: number) {
  await fund(db);
  for (let i = 0; i < n; i++) {
    const { person } = await createPersonAffiliate(db, {
      memberNumber: String(200000 + i),
      niss: makeNiss("1975-03-0" + ((i % 9) + 1), 11 + 2 * i, "M"),
      firstName: `P${i}`,
      lastName: "Quarterly",
      birthDate: "1975-03-0" + ((i % 9) + 1),
      sex: "M",
      category: CATS[i % CATS.length],
      startOn: "2015-01-01",
    });
    await db.incomeRecord.create({ data: { personId: person.id, year: 2023, incomeCents: BigInt(1_500_000 + i * 100_000), source: "seed" } });
  }
  const { affiliate } = await createPersonAffiliate(db, { memberNumber: "299999", niss: makeNiss("1960-01-01", 501, "M"), firstName: "Ended", lastName: "Before", birthDate: "1960-01-01", sex: "M", category: "MAIN", startOn: "2010-01-01" });
  await db.affiliation.updateMany({ where: { affiliateId: affiliate.id }, data: { endOn: dbDate("2025-12-31"), status: "ENDED" } });
}

async function snapshot(db: PrismaClient) {
  const calls = await db.contributionCall.findMany({ orderBy: { id: "asc" }, select: { id: true, affiliateId: true, totalCents: true, structuredCommunication: true, category: true } });
  const ledger = await db.ledgerEntry.groupBy({ by: ["callId", "kind"], _sum: { amountCents: true }, _count: true, orderBy: [{ callId: "asc" }, { kind: "asc" }] });
  return { calls: calls.map(({ affiliateId: _a, ...c }) => c), ledger };
}

describe("quarterly-calls job", () => {
  it("creates exactly one call per subject affiliate, with ledger entries, and nothing on a second run", async () => {
    await population(prisma, 12);
    const dry = await runJob(quarterlyCallsJob, { quarter: "2026-Q1" }, { prisma, today: TODAY, dryRun: true });
    expect(dry.ok).toBe(true);
    expect(await prisma.contributionCall.count()).toBe(0); // the dry run wrote nothing
    const expected = dry.ok ? dry.result.counts.created : -1;
    expect(expected).toBeGreaterThan(0);

    const first = await runJob(quarterlyCallsJob, { quarter: "2026-Q1" }, { prisma, today: TODAY });
    expect(first.ok && first.result.counts.created).toBe(expected);
    expect(first.ok && first.result.totalCents).toBe(dry.ok && dry.result.totalCents);
    const calls = await prisma.contributionCall.findMany({ include: { affiliate: true } });
    expect(calls).toHaveLength(expected);
    expect(new Set(calls.map((c) => c.affiliateId)).size).toBe(expected); // one per affiliate
    expect(new Set(calls.map((c) => c.structuredCommunication)).size).toBe(expected); // communication unique per call
    expect(calls.some((c) => c.affiliate.memberNumber === "299999")).toBe(false); // ended before the quarter
    for (const c of calls) {
      expect(c.totalCents).toBe(c.contributionCents + c.managementFeeCents);
      expect(c.dueOn.toISOString().slice(0, 10)).toBe("2026-03-31");
    }
    const ledgerSum = await prisma.ledgerEntry.aggregate({ _sum: { amountCents: true } });
    expect(ledgerSum._sum.amountCents).toBe(calls.reduce((s, c) => s + c.totalCents, 0));
    const run = await prisma.jobRun.findUniqueOrThrow({ where: { id: first.jobRunId } });
    expect(run).toMatchObject({ status: "SUCCEEDED", progress: 1000, job: "quarterly-calls" });
    expect(Number(run.totalCents)).toBe(calls.reduce((s, c) => s + c.totalCents, 0));

    const second = await runJob(quarterlyCallsJob, { quarter: "2026-Q1" }, { prisma, today: TODAY });
    expect(second.ok && second.result.counts.created).toBe(0);
    expect(await prisma.contributionCall.count()).toBe(expected);
    expect(await prisma.ledgerEntry.count()).toBe(expected * 2);
  });

  it("a run killed after its first chunk, then rerun, ends exactly like one clean run", async () => {
    process.env.JOBS_CHUNK_SIZE = "4"; // three chunks of four affiliates
    await population(prisma, 12);
    const crash = await runJob(quarterlyCallsJob, { quarter: "2026-Q1" }, {
      prisma,
      today: TODAY,
      afterChunk: (i) => {
        if (i === 0) throw new Error("simulated crash after the first chunk");
      },
    });
    expect(crash.ok).toBe(false);
    const partial = await prisma.contributionCall.count();
    const rerun = await runJob(quarterlyCallsJob, { quarter: "2026-Q1" }, { prisma, today: TODAY });
    expect(rerun.ok).toBe(true);
    const resumed = await snapshot(prisma);

    await resetDatabase(prisma);
    await population(prisma, 12);
    const clean = await runJob(quarterlyCallsJob, { quarter: "2026-Q1" }, { prisma, today: TODAY });
    expect(clean.ok).toBe(true);
    const cleanSnap = await snapshot(prisma);
    expect(resumed).toEqual(cleanSnap);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(cleanSnap.calls.length);
    delete process.env.JOBS_CHUNK_SIZE;
  });

  it("refuses a malformed quarter and records the refusal", async () => {
    await fund(prisma);
    const out = await runJob(quarterlyCallsJob, { quarter: "2026-Q5" }, { prisma, today: TODAY });
    expect(out).toMatchObject({ ok: false, status: "REFUSED", code: "params.invalid" });
    expect(await prisma.jobRun.findUniqueOrThrow({ where: { id: out.jobRunId } })).toMatchObject({ status: "REFUSED" });
  });
});
