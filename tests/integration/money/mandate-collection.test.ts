// From a confirmed mandate to the bank and back, on a real PostgreSQL: the direct-debit run collects only ACTIVE
// mandates' open calls (never those an active payment plan covers), once — a rerun debits nothing twice —, on a
// TARGET day after today; the advisor downloads its pain.008 (valid against the ISO XSD; each debtor's access log
// says so); a SEPA return in a CODA statement reopens the debt, tells the affiliate by e-mail in their language and
// shows on their pay page, and a closed account ends the mandate.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { validateXML } from "xmllint-wasm";
import { beforeEach, describe, expect, it } from "vitest";
import { testDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { buildCoda } from "../../fixtures/coda/builder";
import { makeIban } from "@/prisma/factories";
import { decideMandate } from "@/lib/dal/payments/decide-mandate";
import { getDirectDebitFile } from "@/lib/dal/payments/get-direct-debit-file";
import { getMyMandates } from "@/lib/dal/payments/get-my-mandates";
import { listDirectDebitFiles } from "@/lib/dal/payments/list-direct-debit-files";
import { requestDirectDebitMandate } from "@/lib/dal/payments/request-direct-debit-mandate";
import { NotFoundError } from "@/lib/errors";
import { formatMoney } from "@/lib/format";
import { directDebitJob } from "@/lib/jobs/direct-debit";
import { importCodaJob } from "@/lib/jobs/import-coda";
import { runJob } from "@/lib/jobs/runner";

const prisma = testDatabase();
const FUND_IBAN = "BE68539007547034";
const XSD = readFileSync(path.join(import.meta.dirname, "../../fixtures/sepa/pain.008.001.02.xsd"), "utf8");
const out = mkdtempSync(path.join(tmpdir(), "dd-mandates-"));
let codaSequence = 100;

beforeEach(async () => {
  await prisma.fund.create({ data: { name: "Caisse d'assurances sociales Test", iban: FUND_IBAN, bic: "GKCCBEBB", creditorId: "BE12ZZZ0456810810", managementFeeBp: 305, address: "Rue 1", phone: "02", email: "info@test.be" } });
});

/** Four affiliates with a Q1 2026 call (due 31/03/2026): A confirmed, B (Dutch) confirmed, C still PENDING, D refused. */
async function world() {
  const [a, b, c, d] = [await affiliateWithCall(prisma, "Alpha"), await affiliateWithCall(prisma, "Bravo"), await affiliateWithCall(prisma, "Charlie"), await affiliateWithCall(prisma, "Delta")];
  await prisma.affiliate.update({ where: { id: b.affiliate.id }, data: { language: "nl" } });
  const advisor = await staffUser(prisma, "ADVISOR", "anna");
  const mandates = [];
  for (const [i, x] of [a, b, c, d].entries()) mandates.push(await requestDirectDebitMandate(x.viewer, "2026-03-20", { iban: makeIban("001", 1_000_000 + i) }));
  await decideMandate(advisor.viewer, { mandateId: mandates[0].id, decision: "confirm" });
  await decideMandate(advisor.viewer, { mandateId: mandates[1].id, decision: "confirm" });
  await decideMandate(advisor.viewer, { mandateId: mandates[3].id, decision: "refuse", reason: "accountNotAllowed" });
  return { a, b, c, d, advisor, mandates };
}

const run = (collectOn: string, today: string, dryRun = false) => runJob(directDebitJob, { collectOn, outDir: out }, { prisma, today, dryRun });

async function importCoda(movements: Parameters<typeof buildCoda>[0]["movements"], on: string) {
  const file = path.join(out, `statement-${++codaSequence}.cod`);
  writeFileSync(file, buildCoda({ account: FUND_IBAN, sequence: codaSequence, on, openingCents: 1_000_000, movements }));
  const r = await runJob(importCodaJob, { file }, { prisma, today: on });
  expect(r.ok).toBe(true);
  return r;
}

/** What is still owed on a call ("LedgerOwed", the one definition). */
async function owed(callId: string): Promise<number> {
  const [{ n }] = await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT coalesce(sum("owedCents"), 0)::int AS n FROM "LedgerOwed" WHERE "callId" = $1`, callId);
  return n;
}

describe("the direct-debit run", () => {
  it("collects the open calls of ACTIVE mandates only, once, on a TARGET day after today", async () => {
    const w = await world();
    expect(await run("2026-04-11", "2026-04-01")).toMatchObject({ ok: false, code: "params.invalid", errors: [{ code: "jobs.collectOn.notTargetDay" }] }); // a Saturday
    expect(await run("2026-04-06", "2026-04-01")).toMatchObject({ ok: false, errors: [{ code: "jobs.collectOn.notTargetDay" }] }); // Easter Monday
    expect(await run("2026-04-01", "2026-04-01")).toMatchObject({ ok: false, errors: [{ code: "jobs.collectOn.notAfterToday" }] });
    const dry = await run("2026-04-10", "2026-04-01", true);
    expect(dry.ok && dry.result.counts).toMatchObject({ candidates: 2 });
    expect(await prisma.directDebitCollection.count()).toBe(0);

    const first = await run("2026-04-10", "2026-04-01");
    expect(first.ok && first.result.counts).toMatchObject({ candidates: 2, created: 2 });
    const collected = await prisma.directDebitCollection.findMany({ orderBy: { callId: "asc" } });
    expect(collected.map((c) => c.callId).sort()).toEqual([w.a.call.id, w.b.call.id].sort());
    expect(collected.every((c) => c.status === "PLANNED" && c.amountCents === w.a.contribution.totalCents && c.sequenceType === "FRST")).toBe(true);
    // a rerun — the same date or another — debits nothing twice
    expect((await run("2026-04-10", "2026-04-01")).ok && (await prisma.directDebitCollection.count())).toBe(2);
    const later = await run("2026-04-17", "2026-04-02");
    expect(later.ok && later.result.counts).toMatchObject({ candidates: 0 });
    expect(await prisma.directDebitBatch.count()).toBe(1);

    // C confirmed later: its call is collected by the next run, alone
    await decideMandate(w.advisor.viewer, { mandateId: w.mandates[2].id, decision: "confirm" });
    const next = await run("2026-04-20", "2026-04-15");
    expect(next.ok && next.result.counts).toMatchObject({ created: 1 });
    expect((await prisma.directDebitCollection.findFirstOrThrow({ where: { collectOn: new Date("2026-04-20") } })).callId).toBe(w.c.call.id);
    expect(await prisma.directDebitCollection.count({ where: { callId: w.d.call.id } })).toBe(0); // refused: never
  });

  it("leaves alone the calls an active payment plan covers", async () => {
    const w = await world();
    await prisma.paymentPlan.create({ data: { affiliateId: w.a.affiliate.id, status: "ACTIVE", debtCents: w.a.contribution.totalCents, advanceCents: 0, months: 6, startOn: new Date("2026-04-05") } });
    const r = await run("2026-04-10", "2026-04-01");
    expect(r.ok && r.result.counts).toMatchObject({ created: 1 });
    expect((await prisma.directDebitCollection.findFirstOrThrow()).callId).toBe(w.b.call.id);
  });
});

describe("the pain.008 file", () => {
  it("is downloaded by advisors, valid against the XSD, and logged in each debtor's access log; 404 for anyone else", async () => {
    const w = await world();
    expect(await run("2026-04-10", "2026-04-01")).toMatchObject({ ok: true });
    const [file] = await listDirectDebitFiles(w.advisor.viewer);
    expect(file).toMatchObject({ collectOn: "2026-04-10", count: 2, totalCents: 2 * w.a.contribution.totalCents, collected: 0, rejected: 0 });
    const got = await getDirectDebitFile(w.advisor.viewer, file.id);
    expect(got.mimeType).toMatch(/^application\/xml/);
    const xml = new TextDecoder().decode(got.content);
    const v = await validateXML({ xml: [{ fileName: got.fileName, contents: xml }], schema: [{ fileName: "pain.008.001.02.xsd", contents: XSD }] });
    expect(v.errors).toEqual([]);
    expect(v.valid).toBe(true);
    expect(xml).toContain(`<MndtId>${w.mandates[0].reference}</MndtId>`);
    expect(xml).not.toContain(w.mandates[2].reference);
    const reads = await prisma.auditLog.findMany({ where: { action: "direct-debit-file.download" }, select: { affiliateId: true, actorId: true, reason: true } });
    expect(reads.map((r) => r.affiliateId).sort()).toEqual([w.a.affiliate.id, w.b.affiliate.id].sort());
    expect(reads.every((r) => r.actorId === w.advisor.user.id && r.reason === "mandate")).toBe(true);
    const manager = await staffUser(prisma, "MANAGER");
    const admin = await staffUser(prisma, "ADMIN");
    for (const v of [w.a.viewer, manager.viewer, admin.viewer, null]) {
      await expect(getDirectDebitFile(v, file.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(listDirectDebitFiles(v)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getDirectDebitFile(w.advisor.viewer, "no-such-file")).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("a return in a CODA statement", () => {
  it("reopens the debt, tells the affiliate in their language and shows on their pay page; a closed account ends the mandate", async () => {
    const w = await world();
    expect(await run("2026-04-10", "2026-04-01")).toMatchObject({ ok: true });
    const ca = await prisma.directDebitCollection.findFirstOrThrow({ where: { callId: w.a.call.id } });
    const cb = await prisma.directDebitCollection.findFirstOrThrow({ where: { callId: w.b.call.id } });
    const total = w.a.contribution.totalCents;
    await importCoda([ca, cb].map((c) => ({ amountCents: c.amountCents, valueOn: "2026-04-10", text: "SEPA DD", endToEndId: c.endToEndId, counterpartyIban: makeIban("001", 1_000_000), counterpartyName: "DEBTOR" })), "2026-04-10");
    expect(await owed(w.a.call.id)).toBe(0);
    expect(await owed(w.b.call.id)).toBe(0);

    // A's bank: insufficient funds; B's: account closed
    const ret = await importCoda([
      { amountCents: -ca.amountCents, valueOn: "2026-04-15", text: "SEPA DD RETURN", endToEndId: ca.endToEndId, returnReason: "AM04", counterpartyIban: "", counterpartyName: "" },
      { amountCents: -cb.amountCents, valueOn: "2026-04-15", text: "SEPA DD RETURN", endToEndId: cb.endToEndId, returnReason: "AC04", counterpartyIban: "", counterpartyName: "" },
    ], "2026-04-15");
    expect(ret.ok && ret.result.counts).toMatchObject({ returned: 2 });
    expect(await owed(w.a.call.id)).toBe(total);
    expect(await owed(w.b.call.id)).toBe(total);
    expect(await prisma.ledgerEntry.findFirstOrThrow({ where: { affiliateId: w.a.affiliate.id, kind: "ADJUSTMENT" } })).toMatchObject({ reasonCode: "payment.returned", reasonParams: expect.objectContaining({ reason: "AM04" }) });

    const mailA = await prisma.outboundEmail.findUniqueOrThrow({ where: { uniqueKey: `dd-return:${ca.id}` } });
    expect(mailA).toMatchObject({ to: "alpha@test.caisse.be", template: "directDebit.returned", affiliateId: w.a.affiliate.id });
    expect(mailA.subject).toBe(`Votre prélèvement de ${formatMoney("fr", total)} n'a pas été payé`);
    expect(mailA.text).toContain("prévu le 10/04/2026");
    expect(mailA.text).toContain("provision insuffisante");
    expect(mailA.text).toContain("Il sera présenté au prochain prélèvement");
    const mailB = await prisma.outboundEmail.findUniqueOrThrow({ where: { uniqueKey: `dd-return:${cb.id}` } });
    expect(mailB.subject).toBe(`Uw domiciliëring van ${formatMoney("nl", total)} is niet betaald`);
    expect(mailB.text).toContain("rekening afgesloten");
    expect(mailB.text).toContain("Uw domiciliëring is stopgezet");

    const [mine] = await getMyMandates(w.a.viewer);
    expect(mine).toMatchObject({ status: "ACTIVE", returns: [{ collectOn: "2026-04-10", amountCents: total, reason: "AM04" }] });
    const [theirs] = await getMyMandates(w.b.viewer);
    expect(theirs).toMatchObject({ status: "REVOKED", returns: [{ reason: "AC04" }] });
    expect(await prisma.auditLog.findFirstOrThrow({ where: { action: "mandate.revoke" } })).toMatchObject({ entityId: w.mandates[1].id, affiliateId: w.b.affiliate.id, reason: "AC04", actorId: null });
    const [file] = await listDirectDebitFiles(w.advisor.viewer);
    expect(file).toMatchObject({ collected: 0, rejected: 2 });

    // the next run presents A's debt again; B's mandate is ended
    const again = await run("2026-05-05", "2026-05-01");
    expect(again.ok && again.result.counts).toMatchObject({ created: 1 });
    expect(await prisma.directDebitCollection.findFirstOrThrow({ where: { collectOn: new Date("2026-05-05") } })).toMatchObject({ callId: w.a.call.id, sequenceType: "RCUR" });
    expect(await prisma.outboundEmail.count({ where: { template: "directDebit.returned" } })).toBe(2);
  });
});
