// SEPA direct debit run: for every open call of an affiliate with an ACTIVE mandate, due on or before
// the collection date, one DirectDebitCollection (PLANNED) and one line of a pain.008.001.02 file stored as a
// DirectDebitBatch. (callId, collectOn) is unique and the insert is ON CONFLICT DO NOTHING, so a rerun (or a
// run resumed after a crash) debits nothing twice; a call with a collection still PLANNED or COLLECTED is not
// debited again on another date either. A mandate's first collection is FRST, later ones RCUR. A collection the
// bank returns (CODA, import-coda) becomes REJECTED and its debt is open again for the next run. Only ACTIVE mandates
// (confirmed by an advisor, lib/dal/payments/decide-mandate.ts) are collected; the collection date is a TARGET day
// after the fund's today (a bank refuses or moves any other). The calls an active payment plan covers (due before it
// started) are paid through its instalments, so they are not debited.
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { isIsoDate, isTargetDay } from "@/lib/domain";
import { buildPain008, type Pain008Transaction } from "@/lib/formats/sepa/pain008";
import { loadFund } from "@/lib/dal/internal/reference-data";
import { insertIgnore } from "./sql";
import { JobRefusal, type JobContext, type JobDefinition, type JobResult } from "./types";

export interface DirectDebitParams extends Record<string, string | number | boolean | undefined> {
  collectOn: string;
  outDir?: string;
}

type Candidate = {
  callId: string;
  affiliateId: string;
  communication: string;
  openCents: number;
  mandateId: string;
  mandateRef: string;
  mandateIban: string;
  signedOn: Date;
  firstUsedOn: Date | null;
  debtorName: string;
};

/** What is still owed on each call ("LedgerOwed", the one definition). */
const CANDIDATES = `
  WITH open AS (
    SELECT "callId", sum("owedCents")::int AS open FROM "LedgerOwed" WHERE "callId" IS NOT NULL GROUP BY "callId")
  SELECT c.id AS "callId", c."affiliateId", c."structuredCommunication" AS communication, o.open AS "openCents",
    m.id AS "mandateId", m.reference AS "mandateRef", m.iban AS "mandateIban", m."signedOn", m."firstUsedOn",
    coalesce(p."firstName" || ' ' || p."lastName", co.name, a."memberNumber") AS "debtorName"
  FROM "ContributionCall" c
  JOIN open o ON o."callId" = c.id AND o.open > 0
  JOIN "Affiliate" a ON a.id = c."affiliateId"
  LEFT JOIN "Person" p ON p.id = a."personId"
  LEFT JOIN "Company" co ON co.id = a."companyId"
  JOIN LATERAL (SELECT * FROM "DirectDebitMandate" md WHERE md."affiliateId" = a.id AND md.status = 'ACTIVE' AND md."signedOn" <= $1::date
    ORDER BY md."signedOn" DESC, md.id LIMIT 1) m ON true
  WHERE c."dueOn" <= $1::date
    -- a call that fell due before an ACTIVE payment plan started is paid through the plan's instalments, never debited
    AND NOT EXISTS (SELECT 1 FROM "PaymentPlan" pp WHERE pp."affiliateId" = c."affiliateId" AND pp.status = 'ACTIVE' AND c."dueOn" < pp."startOn")
    AND NOT EXISTS (SELECT 1 FROM "DirectDebitCollection" dc WHERE dc."callId" = c.id AND (dc.status IN ('PLANNED', 'COLLECTED') OR dc."collectOn" = $1::date))
  ORDER BY c.id`;

export async function runDirectDebit(ctx: JobContext, params: DirectDebitParams): Promise<JobResult> {
  const { prisma } = ctx;
  const collectOn = params.collectOn;
  if (!isTargetDay(collectOn)) throw new JobRefusal("params.invalid", [{ code: "jobs.collectOn.notTargetDay", params: { value: collectOn } }]);
  if (collectOn <= ctx.today) throw new JobRefusal("params.invalid", [{ code: "jobs.collectOn.notAfterToday", params: { value: collectOn } }]);
  const fund = await loadFund(prisma);
  const rows = await prisma.$queryRawUnsafe<Candidate[]>(CANDIDATES, collectOn);
  const details: Record<string, { count: number; totalCents: number }> = {};
  for (const r of rows) {
    const seq = r.firstUsedOn === null ? "FRST" : "RCUR";
    const d = (details[seq] ??= { count: 0, totalCents: 0 });
    d.count++;
    d.totalCents += r.openCents;
  }
  const plannedTotal = rows.reduce((s, r) => s + r.openCents, 0);
  if (ctx.dryRun || rows.length === 0) {
    await ctx.progress(1000);
    return { counts: { candidates: rows.length, created: ctx.dryRun ? rows.length : 0 }, totalCents: ctx.dryRun ? plannedTotal : 0, details };
  }
  const ymd = collectOn.replaceAll("-", "");
  const messageId = `DD-${ymd}-${randomBytes(6).toString("hex")}`;
  const fileName = `pain008-${collectOn}-${messageId}.xml`;
  const createdAt = new Date().toISOString().slice(0, 19);
  const batch = await prisma.$transaction(async (tx) => {
    const b = await tx.directDebitBatch.create({ data: { messageId, collectOn: new Date(`${collectOn}T00:00:00Z`), fileName, xml: "", totalCents: 0n, count: 0, jobRunId: ctx.jobRunId } });
    const seqOf = (r: Candidate) => (r.firstUsedOn === null ? "FRST" : "RCUR");
    const inserted = await insertIgnore<{ id: string; callId: string }>(
      tx, "DirectDebitCollection",
      rows.map((r) => ({
        id: `ddc-${r.callId}-${ymd}`, batchId: b.id, mandateId: r.mandateId, callId: r.callId, endToEndId: `DD-${r.communication}-${ymd}`,
        amountCents: r.openCents, sequenceType: seqOf(r), collectOn, status: "PLANNED", createdAt: new Date().toISOString(),
      })),
      `id, "callId"`,
    );
    const done = new Set(inserted.map((i) => i.callId));
    const mine = rows.filter((r) => done.has(r.callId));
    if (mine.length === 0) {
      await tx.directDebitBatch.delete({ where: { id: b.id } });
      return null;
    }
    const transactions: Pain008Transaction[] = mine.map((r) => ({
      endToEndId: `DD-${r.communication}-${ymd}`, amountCents: r.openCents, mandateId: r.mandateRef, mandateSignedOn: r.signedOn.toISOString().slice(0, 10),
      sequenceType: seqOf(r), debtorName: r.debtorName, debtorIban: r.mandateIban, structuredCommunication: r.communication,
    }));
    const xml = buildPain008({ messageId, createdAt, collectOn, creditor: { name: fund.name, iban: fund.iban, bic: fund.bic, creditorId: fund.creditorId }, transactions });
    const totalCents = mine.reduce((s, r) => s + r.openCents, 0);
    await tx.directDebitMandate.updateMany({ where: { id: { in: [...new Set(mine.map((r) => r.mandateId))] }, firstUsedOn: null }, data: { firstUsedOn: new Date(`${collectOn}T00:00:00Z`) } });
    return tx.directDebitBatch.update({ where: { id: b.id }, data: { xml, totalCents: BigInt(totalCents), count: mine.length } });
  });
  let filePath: string | null = null;
  if (batch) {
    const dir = params.outDir ?? process.env.SEPA_OUT_DIR ?? path.join(process.cwd(), ".data", "sepa");
    await mkdir(dir, { recursive: true });
    filePath = path.join(dir, fileName);
    await writeFile(filePath, batch.xml);
  }
  await ctx.progress(1000);
  return {
    counts: { candidates: rows.length, created: batch?.count ?? 0, skippedExisting: rows.length - (batch?.count ?? 0) },
    totalCents: Number(batch?.totalCents ?? 0),
    details,
    output: { batchId: batch?.id ?? null, messageId: batch?.messageId ?? null, file: filePath },
  };
}

export const directDebitJob: JobDefinition<DirectDebitParams> = {
  name: "direct-debit",
  parse: (raw) => {
    const collectOn = raw["collect-on"] ?? raw.collectOn;
    if (typeof collectOn !== "string" || !isIsoDate(collectOn))
      throw new JobRefusal("params.invalid", [{ code: "jobs.collectOn.invalid", params: { value: String(collectOn ?? "") } }]);
    const out = raw.out ?? raw.outDir;
    return { collectOn, ...(typeof out === "string" && out ? { outDir: out } : {}) };
  },
  run: runDirectDebit,
};
