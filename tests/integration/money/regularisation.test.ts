// Regularisation on a real PostgreSQL: the whole file is checked first (a bad line refuses it whole, nothing
// written); otherwise income records (tax-authority), a REGULARISATION call with CALL/FEE entries for a
// supplement, an ADJUSTMENT credit for a refund, all computed by the domain and never twice.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { createPersonAffiliate, dbDate } from "@/prisma/factories";
import { calculateRegularisation, parametersFor, regularisationDueDate } from "@/lib/domain";
import { quarterlyCallsJob } from "@/lib/jobs/quarterly-calls";
import { regularisationJob } from "@/lib/jobs/regularisation";
import { runJob } from "@/lib/jobs/runner";

const prisma = createTestPrisma();
afterAll(() => prisma.$disconnect());
beforeEach(() => resetDatabase(prisma));
const fx = (f: string) => path.join(import.meta.dirname, "../../fixtures/regularisation", f);
const TODAY = "2026-11-28";

async function setup() {
  await prisma.fund.create({ data: { name: "Caisse test", iban: "BE68539007547034", bic: "GKCCBEBB", creditorId: "BE12ZZZ0456810810", managementFeeBp: 305, address: "Rue 1", phone: "02", email: "info@test.be" } });
  const a = await createPersonAffiliate(prisma, { memberNumber: "330001", niss: "78031405124", firstName: "Marc", lastName: "Haut", birthDate: "1978-03-14", sex: "M", category: "MAIN", startOn: "2010-01-01" });
  const b = await createPersonAffiliate(prisma, { memberNumber: "330002", niss: "85092205269", firstName: "Sara", lastName: "Bas", birthDate: "1985-09-22", sex: "F", category: "MAIN", startOn: "2010-01-01" });
  // N-3 incomes (2022) for the 2025 provisional calls: A low (supplement expected), B high (refund expected)
  await prisma.incomeRecord.create({ data: { personId: a.person.id, year: 2022, incomeCents: 2_000_000n, source: "seed" } });
  await prisma.incomeRecord.create({ data: { personId: b.person.id, year: 2022, incomeCents: 6_000_000n, source: "seed" } });
  for (const q of [1, 2, 3, 4]) expect((await runJob(quarterlyCallsJob, { quarter: `2025-Q${q}` }, { prisma, today: "2025-01-02" })).ok).toBe(true);
  return { a: a.affiliate, b: b.affiliate, pa: a.person, pb: b.person };
}

async function expected(affiliateId: string, incomeCents: number) {
  const calls = await prisma.contributionCall.findMany({ where: { affiliateId, year: 2025, kind: "PROVISIONAL" }, orderBy: { quarter: "asc" } });
  expect(calls).toHaveLength(4);
  return calculateRegularisation(
    { year: 2025, category: "main", realIncomeCents: incomeCents, notifiedOn: TODAY, managementFeeBp: 305, quarters: calls.map((c) => ({ quarter: c.quarter as 1, provisionalCents: c.contributionCents })) },
    parametersFor(2025),
  );
}

describe("regularisation job", () => {
  it("refuses the whole file with line-numbered errors and writes nothing", async () => {
    await setup();
    const before = { income: await prisma.incomeRecord.count(), calls: await prisma.contributionCall.count(), ledger: await prisma.ledgerEntry.count() };
    const out = await runJob(regularisationJob, { file: fx("invalid.csv") }, { prisma, today: TODAY });
    expect(out).toMatchObject({ ok: false, status: "REFUSED", code: "regularisation.rejected" });
    if (out.ok) return;
    expect(out.errors.map((e) => [e.params?.line, e.code])).toEqual([
      [3, "regularisation.niss.invalid"],
      [4, "regularisation.year.invalid"],
      [5, "regularisation.income.invalid"],
      [6, "regularisation.line.duplicate"],
      [7, "regularisation.niss.unknown"],
      [8, "regularisation.columns.count"],
    ]);
    expect({ income: await prisma.incomeRecord.count(), calls: await prisma.contributionCall.count(), ledger: await prisma.ledgerEntry.count() }).toEqual(before);
    expect(await prisma.jobRun.findUniqueOrThrow({ where: { id: out.jobRunId } })).toMatchObject({ status: "REFUSED" });
  });

  it("refuses a person without provisional calls for the year", async () => {
    await setup();
    const dir = mkdtempSync(path.join(tmpdir(), "reg-"));
    writeFileSync(path.join(dir, "y2024.csv"), "niss;year;income_cents\n78031405124;2024;100\n");
    const refused = await runJob(regularisationJob, { file: path.join(dir, "y2024.csv") }, { prisma, today: TODAY });
    expect(refused).toMatchObject({ ok: false, errors: [{ code: "regularisation.noProvisionalCalls", params: { line: 2, year: 2024 } }] });
    expect(await prisma.incomeRecord.count({ where: { year: 2024 } })).toBe(0);
  });

  it("issues a supplement call with CALL/FEE entries and a refund credit, as the domain computes them, and never twice", async () => {
    const { a, b, pa, pb } = await setup();
    const ea = await expected(a.id, 8_000_000);
    const eb = await expected(b.id, 1_500_050);
    expect(ea.netCents).toBeGreaterThan(0);
    expect(eb.netCents).toBeLessThan(0);

    const dry = await runJob(regularisationJob, { file: fx("valid-eur.csv") }, { prisma, today: TODAY, dryRun: true });
    expect(dry.ok && dry.result.details).toEqual({ supplement: { count: 1, totalCents: ea.netCents }, refund: { count: 1, totalCents: -eb.netCents } });
    expect(await prisma.contributionCall.count({ where: { kind: "REGULARISATION" } })).toBe(0);
    expect(await prisma.incomeRecord.count({ where: { year: 2025 } })).toBe(0);

    const run = await runJob(regularisationJob, { file: fx("valid-eur.csv") }, { prisma, today: TODAY });
    expect(run.ok && run.result.counts).toMatchObject({ lines: 2, incomeRecords: 2, supplements: 1, refunds: 1 });
    expect(run.ok && run.result.totalCents).toBe(ea.netCents + eb.netCents);
    const incomes = await prisma.incomeRecord.findMany({ where: { year: 2025 }, orderBy: { incomeCents: "asc" } });
    expect(incomes.map((i) => [i.personId, Number(i.incomeCents), i.source])).toEqual([[pb.id, 1_500_050, "tax-authority"], [pa.id, 8_000_000, "tax-authority"]]);

    const call = await prisma.contributionCall.findFirstOrThrow({ where: { kind: "REGULARISATION" }, include: { ledger: true } });
    expect(call).toMatchObject({ affiliateId: a.id, year: 2025, quarter: 0, totalCents: ea.netCents });
    expect(call.dueOn).toEqual(dbDate(regularisationDueDate(TODAY)));
    expect(call.dueOn.toISOString().slice(0, 10)).toBe("2027-03-31");
    expect(call.ledger.map((e) => e.kind).sort()).toEqual(["CALL", "FEE"]);
    expect(call.ledger.reduce((s, e) => s + e.amountCents, 0)).toBe(ea.netCents);
    const refund = await prisma.ledgerEntry.findFirstOrThrow({ where: { affiliateId: b.id, kind: "ADJUSTMENT" } });
    expect(refund).toMatchObject({ amountCents: eb.netCents, reasonCode: "regularisation.credit" });

    // the same file again (and the cents version): nothing new
    for (const f of ["valid-eur.csv", "valid-cents.csv"]) {
      const again = await runJob(regularisationJob, { file: fx(f) }, { prisma, today: TODAY });
      expect(again.ok && again.result.counts).toMatchObject({ supplements: 0, refunds: 0, skippedExisting: 2 });
    }
    expect(await prisma.contributionCall.count({ where: { kind: "REGULARISATION" } })).toBe(1);
    expect(await prisma.ledgerEntry.count({ where: { kind: "ADJUSTMENT" } })).toBe(1);
  });
});
