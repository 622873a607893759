// CODA import on a real PostgreSQL: credits with a valid structured communication are matched to their call
// and allocated by the domain rule (PaymentAllocation rows); the rest waits in the UNMATCHED queue; the same
// statement twice and malformed files are refused whole, with nothing written. Public samples are swept too.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { createPersonAffiliate, makeNiss } from "@/prisma/factories";
import { importCodaJob } from "@/lib/jobs/import-coda";
import { quarterlyCallsJob } from "@/lib/jobs/quarterly-calls";
import { runJob } from "@/lib/jobs/runner";
import { FIXTURE_MEMBER, FIXTURE_OGM } from "../../fixtures/coda/builder";

const prisma = createTestPrisma();
afterAll(() => prisma.$disconnect());
beforeEach(() => resetDatabase(prisma));

const own = (f: string) => path.join(import.meta.dirname, "../../fixtures/coda", f);
const TODAY = "2026-03-26";

async function setup() {
  await prisma.fund.create({ data: { name: "Caisse test", iban: "BE68539007547034", bic: "GKCCBEBB", creditorId: "BE12ZZZ0456810810", managementFeeBp: 305, address: "Rue 1", phone: "02", email: "info@test.be" } });
  const { affiliate } = await createPersonAffiliate(prisma, { memberNumber: FIXTURE_MEMBER, niss: makeNiss("1981-02-03", 21, "F"), firstName: "Anne", lastName: "Martin", birthDate: "1981-02-03", sex: "F", category: "MAIN", startOn: "2012-01-01" });
  const run = await runJob(quarterlyCallsJob, { quarter: "2026-Q1" }, { prisma, today: "2026-01-02" });
  expect(run.ok).toBe(true);
  const call = await prisma.contributionCall.findUniqueOrThrow({ where: { structuredCommunication: FIXTURE_OGM } });
  expect(call.affiliateId).toBe(affiliate.id);
  return { affiliate, call };
}

describe("import-coda job", () => {
  it("matches the OGM credit to its call, allocates it principal first, queues the rest as unmatched", async () => {
    const { affiliate, call } = await setup();
    const out = await runJob(importCodaJob, { file: own("valid.cod") }, { prisma, today: TODAY });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.result.counts).toMatchObject({ statements: 1, credits: 3, matched: 1, unmatched: 2, debits: 1 });
    expect(out.result.totalCents).toBe(50_000 + 12_345 + 7_000);
    const payments = await prisma.payment.findMany({ orderBy: { amountCents: "desc" } });
    expect(payments.map((p) => [p.amountCents, p.status, p.affiliateId])).toEqual([
      [50_000, "MATCHED", affiliate.id],
      [12_345, "UNMATCHED", null],
      [7_000, "UNMATCHED", null], // structured but invalid check digits: stored and flagged, never dropped
    ]);
    const allocations = await prisma.paymentAllocation.findMany({ include: { targetEntry: true } });
    const principal = allocations.find((a) => a.targetEntry.kind === "CALL");
    expect(principal?.amountCents).toBe(Math.min(50_000, call.contributionCents)); // principal first (domain rule)
    expect(allocations.reduce((s, a) => s + a.amountCents, 0)).toBe(Math.min(50_000, call.totalCents));
    const payEntry = await prisma.ledgerEntry.findFirstOrThrow({ where: { kind: "PAYMENT" } });
    expect(payEntry).toMatchObject({ amountCents: -50_000, affiliateId: affiliate.id });
    expect(await prisma.bankStatement.count()).toBe(1);
  });

  it("refuses the same statement twice (duplicate.cod) and writes nothing more", async () => {
    await setup();
    expect((await runJob(importCodaJob, { file: own("valid.cod") }, { prisma, today: TODAY })).ok).toBe(true);
    const before = await prisma.payment.count();
    const again = await runJob(importCodaJob, { file: own("duplicate.cod") }, { prisma, today: TODAY });
    expect(again).toMatchObject({ ok: false, status: "REFUSED", code: "coda.duplicate" });
    expect(await prisma.payment.count()).toBe(before);
    expect(await prisma.bankStatement.count()).toBe(1);
  });

  it.each([
    ["malformed-record-length.cod", "coda.recordLength", 3],
    ["malformed-trailer-total.cod", "coda.trailerCredit", 16],
    ["malformed-balance.cod", "coda.balanceMismatch", 15],
  ])("refuses %s whole with the record number and reason", async (file, code, record) => {
    await setup();
    const out = await runJob(importCodaJob, { file: own(file) }, { prisma, today: TODAY });
    expect(out).toMatchObject({ ok: false, status: "REFUSED", code: "coda.rejected", errors: [{ code, params: { record } }] });
    expect(await prisma.payment.count()).toBe(0);
    expect(await prisma.bankStatement.count()).toBe(0);
    expect(await prisma.jobRun.findUniqueOrThrow({ where: { id: out.jobRunId } })).toMatchObject({ status: "REFUSED" });
  });

  const SHARED = "/work/shared/fixtures/coda";
  it.skipIf(!existsSync(SHARED))(`imports every public sample in ${SHARED} as SOURCES.md predicts (skipped when absent)`, async () => {
    await setup();
    const files = readdirSync(SHARED).filter((f) => f.endsWith(".cod")).sort();
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const out = await runJob(importCodaJob, { file: path.join(SHARED, f) }, { prisma, today: TODAY });
      expect(out.ok, `${f}: ${JSON.stringify(out)}`).toBe(true);
      if (!out.ok) continue;
      if (f.startsWith("odoo")) expect(out.result.errors?.map((e) => e.code)).toEqual(["coda.accountMismatch"]);
      if (f.includes("sample1-")) expect(out.result.counts).toMatchObject({ credits: 4, matched: 0, unmatched: 4 }); // OGMs fail their check digits
      if (f.includes("sample10")) expect(out.result.counts).toMatchObject({ credits: 2 }); // the two SDD details, not the total
      if (f.includes("multi")) expect(out.result.counts.statements).toBe(2);
      // importing it a second time is refused
      expect(await runJob(importCodaJob, { file: path.join(SHARED, f) }, { prisma, today: TODAY })).toMatchObject({ ok: false, code: "coda.duplicate" });
    }
  });
});
