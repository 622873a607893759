// CODA import on a real PostgreSQL: credits with a valid structured communication are matched to their call
// and allocated by the domain rule (PaymentAllocation rows); the rest waits in the UNMATCHED queue; the same
// statement twice, malformed files and a statement of another account than the fund's are refused whole, with
// nothing written. An upload from /staff/jobs is kept in a private folder, checked by SHA-256 between the dry run
// and the real run, and deleted after the real run. Public samples are swept too.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDatabase } from "../helpers/db";
import { staffUser } from "../helpers/fixtures";
import { createPersonAffiliate, makeNiss } from "@/prisma/factories";
import { dryRunJob } from "@/lib/dal/jobs/dry-run-job";
import { runJobForReal } from "@/lib/dal/jobs/run-job-for-real";
import { parseCoda, statementIban } from "@/lib/formats/coda/parser";
import { serverTranslator } from "@/lib/i18n/translator";
import { importCodaJob } from "@/lib/jobs/import-coda";
import { quarterlyCallsJob } from "@/lib/jobs/quarterly-calls";
import { runJob } from "@/lib/jobs/runner";
import { buildCoda, FIXTURE_MEMBER, FIXTURE_OGM } from "../../fixtures/coda/builder";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";

const prisma = testDatabase();
// uploads of this file's dry runs go to a folder of its own (JOBS_UPLOAD_DIR), created by the code under test
const savedUploadDir = process.env.JOBS_UPLOAD_DIR;
let uploadDir: string;
beforeEach(() => {
  uploadDir = path.join(mkdtempSync(path.join(tmpdir(), "coda-uploads-")), "jobs");
  process.env.JOBS_UPLOAD_DIR = uploadDir;
});
afterEach(() => {
  if (savedUploadDir === undefined) delete process.env.JOBS_UPLOAD_DIR;
  else process.env.JOBS_UPLOAD_DIR = savedUploadDir;
});
const uploads = () => (existsSync(uploadDir) ? readdirSync(uploadDir) : []);

const own = (f: string) => path.join(import.meta.dirname, "../../fixtures/coda", f);
const TODAY = "2026-03-26";

async function setup() {
  await prisma.fund.create({ data: { id: 1, name: "Caisse test", iban: "BE68539007547034", bic: "GKCCBEBB", creditorId: "BE12ZZZ0456810810", managementFeeBp: 305, address: "Rue 1", phone: "02", email: "info@test.be" } });
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
    // the affiliate is told in their inbox, in euros and a Belgian date (issue #13: every payment received is told)
    const notices = await prisma.notification.findMany({ where: { kind: "paymentReceived" } });
    expect(notices.map((n) => n.affiliateId)).toEqual([affiliate.id]);
    expect(notices[0].text).toMatch(/500,00\s€ \(date valeur \d{2}\/\d{2}\/\d{4}\)/);
  });

  it("books several credits of one file set-based, each allocated by the domain rule after the previous one, and pays a plan instalment", async () => {
    const { affiliate, call } = await setup();
    // a plan instalment with its own structured communication (10 digits + mod 97)
    const ten = "2609900001";
    const instOgm = ten + String(Number(ten) % 97 || 97).padStart(2, "0");
    const plan = await prisma.paymentPlan.create({ data: { affiliateId: affiliate.id, status: "ACTIVE", debtCents: 9_000, advanceCents: 1_000, months: 2, startOn: new Date("2026-03-01T00:00:00Z") } });
    const inst = await prisma.instalment.create({ data: { planId: plan.id, seq: 1, dueOn: new Date("2026-03-31T00:00:00Z"), amountCents: 1_000, structuredCommunication: instOgm } });
    const first = call.contributionCents - 100;
    const coda = buildCoda({ account: "BE68539007547034", sequence: 42, on: "2026-03-25", openingCents: 0, movements: [
      { amountCents: first, valueOn: "2026-03-20", ogm: FIXTURE_OGM, counterpartyIban: "BE80001000000177", counterpartyName: "MARTIN ANNE" },
      { amountCents: 300, valueOn: "2026-03-21", ogm: FIXTURE_OGM, counterpartyIban: "BE80001000000177", counterpartyName: "MARTIN ANNE" },
      { amountCents: 1_500, valueOn: "2026-03-22", ogm: instOgm, counterpartyIban: "BE80001000000177", counterpartyName: "MARTIN ANNE" },
      { amountCents: 900, valueOn: "2026-03-22", text: "sans communication", counterpartyIban: "BE71096123456769", counterpartyName: "INCONNU" },
    ] });
    const file = path.join(mkdtempSync(path.join(tmpdir(), "coda-set-")), "set.cod");
    writeFileSync(file, coda, "latin1");
    const out = await runJob(importCodaJob, { file }, { prisma, today: TODAY });
    expect(out.ok && out.result.counts).toMatchObject({ credits: 4, matched: 3, unmatched: 1 });
    const payments = await prisma.payment.findMany({ include: { ledger: { include: { allocationsFrom: { include: { targetEntry: true } } } } }, orderBy: { valueOn: "asc" } });
    const alloc = (amount: number) =>
      payments.find((p) => p.amountCents === amount)!.ledger.flatMap((e) => e.allocationsFrom.map((a) => [a.targetEntry.kind, a.amountCents])).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(alloc(first)).toEqual([["CALL", first]]);
    expect(alloc(300)).toEqual([["CALL", 100], ["FEE", 200]]); // the second credit sees what the first settled
    expect(alloc(1_500)).toEqual([["FEE", Math.min(1_500, call.managementFeeCents - 200)]]);
    expect(payments.find((p) => p.amountCents === 900)).toMatchObject({ status: "UNMATCHED", affiliateId: null });
    expect((await prisma.instalment.findUniqueOrThrow({ where: { id: inst.id } })).paidCents).toBe(1_000);
    const ledger = await prisma.ledgerEntry.findMany({ where: { kind: "PAYMENT" } });
    expect(ledger.map((e) => e.amountCents).sort((a, b) => a - b)).toEqual([-first, -1_500, -300].sort((a, b) => a - b));
    expect(new Set(ledger.map((e) => e.uniqueKey)).size).toBe(3);
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
      // each sample is some other account's statement: the fund's IBAN is set to it, as if it were the fund's own
      const statements = parseCoda(readFileSync(path.join(SHARED, f)));
      await prisma.fund.update({ where: { id: 1 }, data: { iban: statementIban(statements[0]) } });
      const out = await runJob(importCodaJob, { file: path.join(SHARED, f) }, { prisma, today: TODAY });
      if (f.includes("multi")) {
        // two statements of two accounts in one file: one of them is not the fund's
        expect(out).toMatchObject({ ok: false, code: "coda.foreignAccount", errors: [{ params: { account: "BE12 3417 0262 5236", fundAccount: "BE86 4070 5141 6150" } }] });
        continue;
      }
      expect(out.ok, `${f}: ${JSON.stringify(out)}`).toBe(true);
      if (!out.ok) continue;
      if (f.startsWith("odoo")) expect(out.result.errors?.map((e) => e.code)).toEqual(["coda.accountMismatch"]);
      if (f.includes("sample1-")) expect(out.result.counts).toMatchObject({ credits: 4, matched: 0, unmatched: 4 }); // OGMs fail their check digits
      if (f.includes("sample10")) expect(out.result.counts).toMatchObject({ credits: 2 }); // the two SDD details, not the total
      // importing it a second time is refused
      expect(await runJob(importCodaJob, { file: path.join(SHARED, f) }, { prisma, today: TODAY })).toMatchObject({ ok: false, code: "coda.duplicate" });
    }
  });

  it("refuses a statement of another account than the fund's, whole, in the dry run and the real run, naming both accounts", async () => {
    await setup();
    const advisor = await staffUser(prisma, "ADVISOR");
    const bytes = readFileSync(own("foreign-account.cod"));
    const dry = await dryRunJob(advisor.viewer, { job: "import-coda", file: { name: "releve.cod", bytes } }, TODAY);
    const errors = [{ code: "coda.foreignAccount", params: { record: 2, account: "BE32 1234 5678 9002", fundAccount: "BE68 5390 0754 7034" } }];
    expect(dry).toMatchObject({ ok: false, code: "coda.foreignAccount", errors });
    expect(uploads()).toEqual([]); // a refused dry run can never run for real: its upload is gone
    // the message the staff page shows, in both languages
    const fr = serverTranslator("fr", "moErrors")("coda.foreignAccount", errors[0].params);
    expect(fr).toBe("Cet extrait est celui du compte BE32 1234 5678 9002, pas du compte de la caisse (BE68 5390 0754 7034) : le fichier est refusé, rien n'a été importé.");
    expect(serverTranslator("nl", "moErrors")("coda.foreignAccount", errors[0].params)).toContain("rekening BE32 1234 5678 9002, niet van de rekening van het fonds (BE68 5390 0754 7034)");
    // no successful dry run, no real run from the page; the job itself (CLI, scheduler) refuses it as well
    if (!dry.ok && dry.jobRunId) await expect(runJobForReal(advisor.viewer, dry.jobRunId, TODAY)).rejects.toThrow(/not found/);
    const real = await runJob(importCodaJob, { file: own("foreign-account.cod") }, { prisma, today: TODAY });
    expect(real).toMatchObject({ ok: false, status: "REFUSED", code: "coda.foreignAccount", errors });
    expect(await prisma.payment.count()).toBe(0);
    expect(await prisma.bankStatement.count()).toBe(0);
    expect(await prisma.ledgerEntry.count({ where: { kind: "PAYMENT" } })).toBe(0);
  });

  it("keeps the upload in a private folder (0700) with its SHA-256 on the dry run; the real run refuses a changed file and deletes the upload whatever the outcome", async () => {
    await setup();
    const advisor = await staffUser(prisma, "ADVISOR");
    const second = await staffUser(prisma, "ADVISOR", "bert"); // an import runs for real by a second person (four eyes)
    const bytes = readFileSync(own("valid.cod"));
    const dry = await dryRunJob(advisor.viewer, { job: "import-coda", file: { name: "valid.cod", bytes } }, TODAY);
    expect(dry.ok).toBe(true);
    if (!dry.ok) return;
    expect(statSync(uploadDir).mode & 0o777).toBe(0o700);
    const [name] = uploads();
    const file = path.join(uploadDir, name);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const row = await prisma.jobRun.findUniqueOrThrow({ where: { id: dry.jobRunId } });
    expect(row).toMatchObject({ dryRun: true, status: "SUCCEEDED", fileSha256: createHash("sha256").update(bytes).digest("hex"), params: { file } });

    // the file is swapped for another statement after the dry run (here: another account's): refused, nothing read
    writeFileSync(file, readFileSync(own("foreign-account.cod")));
    const tampered = await runJobForReal(second.viewer, dry.jobRunId, TODAY);
    expect(await tampered.finished).toMatchObject({ ok: false, status: "REFUSED", code: "jobs.file.changed", errors: [{ code: "jobs.file.changed" }] });
    expect(existsSync(file)).toBe(false);
    expect(await prisma.payment.count()).toBe(0);
    expect(await prisma.bankStatement.count()).toBe(0);
    expect(serverTranslator("fr", "moErrors")("jobs.file.changed")).toContain("a changé depuis la simulation");

    // an untouched upload is imported, then deleted; the same dry run cannot be run a second time
    const dry2 = await dryRunJob(advisor.viewer, { job: "import-coda", file: { name: "valid.cod", bytes } }, TODAY);
    if (!dry2.ok) throw new Error(JSON.stringify(dry2));
    const real = await runJobForReal(second.viewer, dry2.jobRunId, TODAY);
    expect(await real.finished).toMatchObject({ ok: true, status: "SUCCEEDED", result: { counts: { statements: 1, credits: 3, matched: 1 } } });
    expect(uploads()).toEqual([]);
    expect(await prisma.bankStatement.count()).toBe(1);
    await expect(runJobForReal(second.viewer, dry2.jobRunId, TODAY)).rejects.toMatchObject({ code: "jobAlreadyRun" });
    expect(await prisma.bankStatement.count()).toBe(1);
  });

  it("imports a statement written in UTF-8 (an accented account description: 128 characters, 129 bytes)", async () => {
    await setup();
    const out = await runJob(importCodaJob, { file: own("valid-utf8.cod") }, { prisma, today: TODAY });
    expect(out).toMatchObject({ ok: true, result: { counts: { statements: 1, credits: 3, matched: 1, unmatched: 2, debits: 1 } } });
  });
});
