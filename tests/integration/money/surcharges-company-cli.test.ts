// Surcharges and company calls are idempotent; the CLI prints a JSON summary as its last line and exits
// non-zero on refusal.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { createPersonAffiliate, dbDate, makeEnterpriseNumber, makeNiss } from "@/prisma/factories";
import { applyBp } from "@/lib/domain";
import { companyCallsJob } from "@/lib/jobs/company-calls";
import { quarterlyCallsJob } from "@/lib/jobs/quarterly-calls";
import { runJob } from "@/lib/jobs/runner";
import { surchargesJob } from "@/lib/jobs/surcharges";

const prisma = createTestPrisma();
afterAll(() => prisma.$disconnect());
beforeEach(() => resetDatabase(prisma));
const run = promisify(execFile);

async function fund() {
  await prisma.fund.create({ data: { name: "Caisse test", iban: "BE68539007547034", bic: "GKCCBEBB", creditorId: "BE12ZZZ0456810810", managementFeeBp: 305, address: "Rue 1", phone: "02", email: "info@test.be" } });
}

describe("surcharges job", () => {
  it("charges 3 % at each quarter end and 7 % on 1 January on unpaid principal, never twice", async () => {
    await fund();
    await createPersonAffiliate(prisma, { memberNumber: "310001", niss: makeNiss("1970-04-04", 31, "M"), firstName: "Luc", lastName: "Late", birthDate: "1970-04-04", sex: "M", category: "MAIN", startOn: "2010-01-01" });
    expect((await runJob(quarterlyCallsJob, { quarter: "2025-Q3" }, { prisma, today: "2025-07-01" })).ok).toBe(true);
    const call = await prisma.contributionCall.findFirstOrThrow();
    const first = await runJob(surchargesJob, {}, { prisma, today: "2026-01-05" });
    expect(first.ok).toBe(true);
    const lines = await prisma.ledgerEntry.findMany({ where: { kind: "SURCHARGE" }, orderBy: { bookedOn: "asc" } });
    // due 30/09/2025 and unpaid: 3 % at the quarter ends 30/09 and 31/12/2025 (domain rule), then 7 % on 1 January 2026
    expect(lines.map((l) => [l.bookedOn.toISOString().slice(0, 10), l.amountCents, l.reasonCode])).toEqual([
      ["2025-09-30", applyBp(call.contributionCents, 300), "surcharge.quarterly"],
      ["2025-12-31", applyBp(call.contributionCents, 300), "surcharge.quarterly"],
      ["2026-01-01", applyBp(call.contributionCents, 700), "surcharge.annual"],
    ]);
    const second = await runJob(surchargesJob, {}, { prisma, today: "2026-01-05" });
    expect(second.ok && second.result.counts).toMatchObject({ created: 0, skippedExisting: 3 });
    expect(await prisma.ledgerEntry.count({ where: { kind: "SURCHARGE" } })).toBe(3);
  });
});

// (helpers/fixtures.ts companyAffiliate gives two consecutive companies the same enterprise number:
// makeEnterpriseNumber drops the serial's last digit — so the companies are made here)
async function company(name: string, serial: number, memberNumber: string) {
  const c = await prisma.company.create({ data: { enterpriseNumber: makeEnterpriseNumber(3_000_000 + serial * 10), name, legalForm: "SRL", createdOn: dbDate("2020-02-02"), street: "Rue 1", postalCode: "1000", city: "Bruxelles" } });
  const affiliate = await prisma.affiliate.create({ data: { memberNumber, kind: "COMPANY", companyId: c.id } });
  return { company: c, affiliate };
}

describe("company-calls job", () => {
  it("creates one company call per company and year, none on a rerun", async () => {
    await fund();
    const a = await company("Alpha SRL", 10, "320001");
    const b = await company("Beta SRL", 20, "320002");
    await prisma.companyBalanceSheet.create({ data: { companyId: b.company.id, year: 2024, balanceSheetTotalCents: 900_000_000n } });
    const first = await runJob(companyCallsJob, { year: 2026 }, { prisma, today: "2026-10-01" });
    expect(first.ok && first.result.counts.created).toBe(2);
    const calls = await prisma.contributionCall.findMany({ orderBy: { totalCents: "asc" } });
    expect(calls.map((c) => c.affiliateId)).toEqual([a.affiliate.id, b.affiliate.id]); // small band, then large band
    expect(calls[0].totalCents).toBeLessThan(calls[1].totalCents);
    expect(calls.every((c) => c.dueOn.toISOString().startsWith("2026-12-31"))).toBe(true);
    const again = await runJob(companyCallsJob, { year: 2026 }, { prisma, today: "2026-10-02" });
    expect(again.ok && again.result.counts.created).toBe(0);
    expect(await prisma.contributionCall.count()).toBe(2);
  });
});

describe("npm run jobs (scripts/jobs.ts)", () => {
  const cli = (args: string[]) =>
    run("node_modules/.bin/tsx", ["scripts/jobs.ts", ...args], { env: process.env }).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );
  const last = (out: string) => JSON.parse(out.trim().split("\n").pop() ?? "{}");

  it("prints a JSON summary as its last line; exits 2 on refusal, 0 on success", async () => {
    await fund();
    const bad = await cli(["quarterly-calls", "--quarter", "2026-Q9"]);
    expect(bad.code).toBe(2);
    expect(last(bad.out)).toMatchObject({ ok: false, code: "params.invalid" });
    const unknown = await cli(["no-such-job"]);
    expect(unknown.code).toBe(2);
    const dry = await cli(["quarterly-calls", "--quarter", "2026-Q2", "--today", "2026-04-01", "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(last(dry.out)).toMatchObject({ ok: true, dryRun: true, counts: { created: 0 } });
    const malformed = await cli(["import-coda", "tests/fixtures/coda/malformed-trailer-total.cod"]);
    expect(malformed.code).toBe(2);
    expect(last(malformed.out)).toMatchObject({ ok: false, code: "coda.rejected", errors: [{ code: "coda.trailerCredit", params: { record: 16 } }] });
  }, 60_000);
});
