// Direct debit run on a real PostgreSQL: open calls of affiliates with an ACTIVE mandate, due by the collection
// date, become PLANNED collections in a pain.008.001.02 file that validates against the ISO XSD; FRST then
// RCUR; a rerun creates nothing; a CODA statement carrying the collection's credit matches it, and a later
// CODA carrying its SEPA return rejects the collection and reopens the debt.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { validateXML } from "xmllint-wasm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { createPersonAffiliate, makeNiss } from "@/prisma/factories";
import { directDebitJob } from "@/lib/jobs/direct-debit";
import { importCodaJob } from "@/lib/jobs/import-coda";
import { quarterlyCallsJob } from "@/lib/jobs/quarterly-calls";
import { runJob } from "@/lib/jobs/runner";
import { buildCoda } from "../../fixtures/coda/builder";

const prisma = createTestPrisma();
afterAll(() => prisma.$disconnect());
beforeEach(() => resetDatabase(prisma));

const XSD = readFileSync(path.join(import.meta.dirname, "../../fixtures/sepa/pain.008.001.02.xsd"), "utf8");
const out = mkdtempSync(path.join(tmpdir(), "dd-test-"));

async function validate(xml: string) {
  return validateXML({ xml: [{ fileName: "pain.xml", contents: xml }], schema: [{ fileName: "pain.008.001.02.xsd", contents: XSD }] });
}

/** Open amount of a call: its debit entries less the allocations to them. */
async function openOf(callId: string): Promise<number> {
  const [{ open }] = await prisma.$queryRawUnsafe<{ open: number }[]>(
    `SELECT coalesce(sum(e."amountCents" - coalesce((SELECT sum(pa."amountCents") FROM "PaymentAllocation" pa WHERE pa."targetEntryId" = e.id), 0)), 0)::int AS open
     FROM "LedgerEntry" e WHERE e."callId" = $1 AND e."amountCents" > 0 AND e.kind <> 'PAYMENT'`, callId);
  return open;
}

async function setup() {
  await prisma.fund.create({ data: { name: "Caisse d'assurances sociales Test", iban: "BE68539007547034", bic: "GKCCBEBB", creditorId: "BE12ZZZ0456810810", managementFeeBp: 305, address: "Rue 1", phone: "02", email: "info@test.be" } });
  const { affiliate } = await createPersonAffiliate(prisma, { memberNumber: "320001", niss: makeNiss("1980-05-06", 41, "F"), firstName: "Élodie", lastName: "Dubois", birthDate: "1980-05-06", sex: "F", category: "MAIN", startOn: "2012-01-01" });
  const { affiliate: other } = await createPersonAffiliate(prisma, { memberNumber: "320002", niss: makeNiss("1975-01-02", 43, "M"), firstName: "Jan", lastName: "Peeters", birthDate: "1975-01-02", sex: "M", category: "MAIN", startOn: "2012-01-01" });
  await prisma.directDebitMandate.create({ data: { affiliateId: affiliate.id, reference: "CP-M-320001", iban: "BE80001000000177", signedOn: new Date("2025-06-01T00:00:00Z"), status: "ACTIVE" } });
  await prisma.directDebitMandate.create({ data: { affiliateId: other.id, reference: "CP-M-320002", iban: "BE71096123456769", signedOn: new Date("2025-06-01T00:00:00Z"), status: "REVOKED" } });
  for (const quarter of ["2026-Q1", "2026-Q2"]) expect((await runJob(quarterlyCallsJob, { quarter }, { prisma, today: "2026-01-02" })).ok).toBe(true);
  const q1 = await prisma.contributionCall.findFirstOrThrow({ where: { affiliateId: affiliate.id, quarter: 1 } });
  const q2 = await prisma.contributionCall.findFirstOrThrow({ where: { affiliateId: affiliate.id, quarter: 2 } });
  return { affiliate, other, q1, q2 };
}

describe("direct-debit job", () => {
  it("refuses a missing or malformed collection date", () => {
    expect(() => directDebitJob.parse({ "collect-on": "2026-13-01" }, [])).toThrow("params.invalid");
    expect(() => directDebitJob.parse({}, [])).toThrow("params.invalid");
    expect(directDebitJob.parse({ "collect-on": "2026-04-10" }, [])).toEqual({ collectOn: "2026-04-10" });
  });

  it("collects only due open calls under an ACTIVE mandate, writes a pain.008 valid against the XSD, FRST then RCUR, never twice", async () => {
    const { affiliate, q1, q2 } = await setup();
    // dry run: counts, nothing written
    const dry = await runJob(directDebitJob, { collectOn: "2026-04-10", outDir: out }, { prisma, today: "2026-04-01", dryRun: true });
    expect(dry.ok && dry.result.counts).toMatchObject({ candidates: 1, created: 1 });
    expect(dry.ok && dry.result.details).toEqual({ FRST: { count: 1, totalCents: q1.totalCents } });
    expect(await prisma.directDebitCollection.count()).toBe(0);

    const first = await runJob(directDebitJob, { collectOn: "2026-04-10", outDir: out }, { prisma, today: "2026-04-01" });
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.result.counts).toMatchObject({ created: 1 });
    expect(first.result.totalCents).toBe(q1.totalCents); // Q2 (due 30/06) is not due yet; the REVOKED mandate is ignored
    const c1 = await prisma.directDebitCollection.findFirstOrThrow({ include: { batch: true } });
    expect(c1).toMatchObject({ callId: q1.id, sequenceType: "FRST", status: "PLANNED", amountCents: q1.totalCents });
    const xml = readFileSync(String(first.result.output?.file), "utf8");
    expect(xml).toBe(c1.batch.xml);
    const v = await validate(xml);
    expect(v.errors).toEqual([]);
    expect(v.valid).toBe(true);
    // the check can fail: a file without its message id is refused by the schema
    expect((await validate(xml.replace(/<MsgId>[^<]*<\/MsgId>/, ""))).valid).toBe(false);
    expect(xml).toContain(`<Ref>${q1.structuredCommunication}</Ref>`);
    expect(xml).toContain("<Cd>SCOR</Cd>");
    expect(xml).toContain("<Issr>BBA</Issr>");
    expect(xml).toContain("<SeqTp>FRST</SeqTp>");
    expect(xml).toContain("<Id>BE12ZZZ0456810810</Id>");
    expect(xml).toContain("<Nm>Elodie Dubois</Nm>"); // SEPA character set
    expect((await prisma.directDebitMandate.findFirstOrThrow({ where: { affiliateId: affiliate.id } })).firstUsedOn?.toISOString().slice(0, 10)).toBe("2026-04-10");

    // rerun: nothing new, no second file
    const again = await runJob(directDebitJob, { collectOn: "2026-04-10", outDir: out }, { prisma, today: "2026-04-01" });
    expect(again.ok && again.result.counts).toMatchObject({ created: 0 });
    expect(await prisma.directDebitCollection.count()).toBe(1);
    expect(await prisma.directDebitBatch.count()).toBe(1);

    // next run after Q2's due date: Q2 only (Q1 still PLANNED), as RCUR
    const next = await runJob(directDebitJob, { collectOn: "2026-07-06", outDir: out }, { prisma, today: "2026-07-01" });
    expect(next.ok && next.result.counts).toMatchObject({ created: 1 });
    const c2 = await prisma.directDebitCollection.findFirstOrThrow({ where: { callId: q2.id }, include: { batch: true } });
    expect(c2.sequenceType).toBe("RCUR");
    expect((await validate(c2.batch.xml)).valid).toBe(true);
    expect(c2.batch.xml).toContain("<SeqTp>RCUR</SeqTp>");
  });

  it("CODA: the collection's credit settles the call; its SEPA return rejects the collection and reopens the debt", async () => {
    const { affiliate, q1 } = await setup();
    expect((await runJob(directDebitJob, { collectOn: "2026-04-10", outDir: out }, { prisma, today: "2026-04-01" })).ok).toBe(true);
    const c = await prisma.directDebitCollection.findFirstOrThrow();
    const credit = buildCoda({ account: "BE68539007547034", sequence: 70, on: "2026-04-10", openingCents: 0, movements: [
      { amountCents: c.amountCents, valueOn: "2026-04-10", text: "SEPA DD", endToEndId: c.endToEndId, counterpartyIban: "BE80001000000177", counterpartyName: "DUBOIS ELODIE" },
    ] });
    const f1 = path.join(out, "collected.cod");
    writeFileSync(f1, credit);
    const in1 = await runJob(importCodaJob, { file: f1 }, { prisma, today: "2026-04-11" });
    expect(in1.ok && in1.result.counts).toMatchObject({ matched: 1, unmatched: 0 });
    const collected = await prisma.directDebitCollection.findUniqueOrThrow({ where: { id: c.id } });
    expect(collected.status).toBe("COLLECTED");
    expect(await openOf(q1.id)).toBe(0);

    const ret = buildCoda({ account: "BE68539007547034", sequence: 71, on: "2026-04-15", openingCents: c.amountCents, movements: [
      { amountCents: -c.amountCents, valueOn: "2026-04-15", text: "SEPA DD RETURN", endToEndId: c.endToEndId, counterpartyIban: "BE80001000000177", counterpartyName: "DUBOIS ELODIE" },
    ] });
    const f2 = path.join(out, "returned.cod");
    writeFileSync(f2, ret);
    const in2 = await runJob(importCodaJob, { file: f2 }, { prisma, today: "2026-04-16" });
    expect(in2.ok && in2.result.counts).toMatchObject({ debits: 1, returned: 1 });
    const rejected = await prisma.directDebitCollection.findUniqueOrThrow({ where: { id: c.id } });
    expect(rejected.status).toBe("REJECTED");
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: String(collected.paymentId) } })).status).toBe("RETURNED");
    const reversal = await prisma.ledgerEntry.findFirstOrThrow({ where: { kind: "ADJUSTMENT", affiliateId: affiliate.id } });
    expect(reversal).toMatchObject({ amountCents: c.amountCents, callId: q1.id, reasonCode: "payment.returned" });
    expect(await openOf(q1.id)).toBe(q1.totalCents); // the debt is open again
    const [{ balance }] = await prisma.$queryRawUnsafe<{ balance: number }[]>(`SELECT sum("amountCents")::int AS balance FROM "LedgerEntry" WHERE "affiliateId" = $1 AND "callId" = $2 OR "paymentId" = $3`, affiliate.id, q1.id, collected.paymentId);
    expect(balance).toBe(q1.totalCents);
    // the same return again changes nothing
    const dup = await runJob(importCodaJob, { file: f2 }, { prisma, today: "2026-04-16" });
    expect(dup).toMatchObject({ ok: false, code: "coda.duplicate" });
    // and the next run debits it again (a new collection on a new date)
    const retry = await runJob(directDebitJob, { collectOn: "2026-05-05", outDir: out }, { prisma, today: "2026-05-01" });
    expect(retry.ok && retry.result.counts).toMatchObject({ created: 1 });
    expect(retry.ok && retry.result.totalCents).toBe(q1.totalCents);
  });
});
