// CODA import (issue 4 §6): parse and check the whole file first (a bad file is refused whole with its record
// number and reason), refuse a statement already imported (BankStatement unique keys: file hash and
// account + sequence + date), then in ONE transaction record every incoming credit as a Payment: a valid
// structured communication naming a call (or a plan instalment) is matched and allocated by the domain's
// allocatePayment (PaymentAllocation rows); everything else waits in the UNMATCHED queue.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { isValidStructuredCommunication } from "@/lib/domain";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CodaError, milliToCents, parseCoda, type CodaMovement, type CodaStatement } from "@/lib/formats/coda/parser";
import { allocateToAffiliate } from "./allocation";
import { JobRefusal, type JobContext, type JobDefinition, type JobResult } from "./types";

export interface ImportCodaParams extends Record<string, string | number | boolean | undefined> {
  file: string;
}

/** The movements that are payments: plain movements, and the details of a globalised total (not the total). */
export function paymentMovements(st: CodaStatement): CodaMovement[] {
  const totals = new Set(st.movements.filter((m) => m.detail === "0000" && (m.transactionCode[0] === "1" || m.transactionCode[0] === "2")).map((m) => m.sequence));
  return st.movements.filter((m) => (m.detail === "0000" ? !totals.has(m.sequence) : totals.has(m.sequence) && /^[5-9]/.test(m.transactionCode)));
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === "P2002" || /unique|23505/i.test(String(e?.message ?? ""));
}

export async function importCoda(ctx: JobContext, bytes: Uint8Array, fileName: string): Promise<JobResult> {
  const { prisma } = ctx;
  let statements: CodaStatement[];
  try {
    statements = parseCoda(bytes);
  } catch (error) {
    if (error instanceof CodaError)
      throw new JobRefusal("coda.rejected", [{ code: error.code, params: { record: error.record, ...error.params } }]);
    throw error;
  }
  const sha = createHash("sha256").update(bytes).digest("hex");
  const counts = { statements: statements.length, credits: 0, matched: 0, unmatched: 0, debits: 0, returned: 0 };
  let totalCents = 0;
  const warnings = statements.flatMap((s) => s.warnings.map((w) => ({ code: w.code, params: { record: w.record, ...w.params } })));
  // amounts must be whole cents before anything is written
  for (const st of statements) for (const m of st.movements) milliToCents(m.amountMilli, m.record);

  const existing = await prisma.bankStatement.findFirst({
    where: { OR: [{ fileSha256: { startsWith: sha } }, ...statements.map((s) => ({ accountIban: s.account, sequence: s.sequence, statementOn: new Date(`${s.newBalanceOn ?? s.createdOn}T00:00:00Z`) }))] },
  });
  if (existing) throw new JobRefusal("coda.duplicate", [{ code: "coda.duplicate", params: { statementId: existing.id, fileName: existing.fileName, sequence: existing.sequence } }]);
  if (ctx.dryRun) {
    for (const st of statements)
      for (const m of paymentMovements(st)) if (m.amountMilli > 0n) {
        counts.credits++;
        totalCents += milliToCents(m.amountMilli, m.record);
      }
    return { counts, totalCents, errors: warnings };
  }
  try {
    await prisma.$transaction(async (tx) => {
      for (const [index, st] of statements.entries()) {
        const statementOn = st.newBalanceOn ?? st.createdOn ?? ctx.today;
        const bank = await tx.bankStatement.create({
          data: {
            accountIban: st.account, sequence: st.sequence, statementOn: new Date(`${statementOn}T00:00:00Z`),
            fileSha256: index === 0 ? sha : `${sha}#${index + 1}`, fileName: path.basename(fileName),
            openingCents: BigInt(milliToCents(st.oldBalanceMilli, st.firstRecord)), closingCents: BigInt(milliToCents(st.newBalanceMilli, st.firstRecord)),
          },
        });
        for (const m of paymentMovements(st)) {
          const cents = milliToCents(m.amountMilli, m.record);
          const bankReference = `${st.account}:${st.sequence}:${statementOn}:${m.sequence}:${m.detail}`;
          const valueOn = m.valueOn ?? m.entryOn ?? statementOn;
          if (cents < 0) {
            counts.debits++;
            if (m.endToEndId) counts.returned += await returnCollection(tx, m.endToEndId, m.rReason || "RTRN", valueOn);
            continue;
          }
          counts.credits++;
          totalCents += cents;
          // SEPA direct debit detail: its end-to-end id names our planned collection
          const collection = m.endToEndId ? await tx.directDebitCollection.findUnique({ where: { endToEndId: m.endToEndId }, include: { mandate: true } }) : null;
          const ogm = (m.structuredType === "101" || m.structuredType === "102") && isValidStructuredCommunication(m.communication) ? m.communication : null;
          const call = collection
            ? await tx.contributionCall.findUnique({ where: { id: collection.callId } })
            : ogm ? await tx.contributionCall.findUnique({ where: { structuredCommunication: ogm } }) : null;
          const instalment = !call && ogm ? await tx.instalment.findUnique({ where: { structuredCommunication: ogm }, include: { plan: true } }) : null;
          const affiliateId = call?.affiliateId ?? instalment?.plan.affiliateId ?? null;
          const payment = await tx.payment.create({
            data: {
              affiliateId, source: collection ? "DIRECT_DEBIT" : "CODA", status: affiliateId ? "MATCHED" : "UNMATCHED", amountCents: cents,
              valueOn: new Date(`${valueOn}T00:00:00Z`), counterpartyName: m.counterpartyName || null, counterpartyIban: m.counterpartyAccount || null,
              communication: m.structuredType ? m.communication : m.communication.trim() || null, bankReference, statementId: bank.id,
            },
          });
          if (!affiliateId) {
            counts.unmatched++;
            continue;
          }
          counts.matched++;
          await allocateToAffiliate(tx, { paymentId: payment.id, affiliateId, amountCents: cents, valueOn, callId: call?.id ?? null });
          if (instalment) {
            const paid = Math.min(instalment.amountCents - instalment.paidCents, cents);
            if (paid > 0) await tx.instalment.update({ where: { id: instalment.id }, data: { paidCents: { increment: paid } } });
          }
          if (collection) await tx.directDebitCollection.update({ where: { id: collection.id }, data: { status: "COLLECTED", paymentId: payment.id } });
        }
      }
    }, { timeout: 120_000 });
  } catch (error) {
    if (isUniqueViolation(error)) throw new JobRefusal("coda.duplicate", [{ code: "coda.duplicate" }]);
    throw error;
  }
  await ctx.progress(1000);
  return { counts, totalCents, errors: warnings, output: { sha256: sha } };
}

/** A collection returned by the bank: REJECTED, and if it had been booked as paid, the payment is reversed so
 *  the debt is open again (the ledger is append-only: a reversing entry, never an update). */
async function returnCollection(tx: Prisma.TransactionClient, endToEndId: string, reason: string, on: string): Promise<number> {
  const c = await tx.directDebitCollection.findUnique({ where: { endToEndId } });
  if (!c || c.status === "REJECTED") return 0;
  await tx.directDebitCollection.update({ where: { id: c.id }, data: { status: "REJECTED", rejectedReason: reason } });
  if (c.paymentId) {
    const p = await tx.payment.update({ where: { id: c.paymentId }, data: { status: "RETURNED" } });
    if (p.affiliateId)
      await tx.ledgerEntry.create({
        data: { affiliateId: p.affiliateId, kind: "ADJUSTMENT", amountCents: p.amountCents, bookedOn: new Date(`${on}T00:00:00Z`), paymentId: p.id, callId: c.callId, reasonCode: "payment.returned", reasonParams: { reason, endToEndId }, uniqueKey: `return:${c.id}` },
      });
  }
  return 1;
}

export const importCodaJob: JobDefinition<ImportCodaParams> = {
  name: "import-coda",
  parse: (raw, positional) => {
    const file = positional[0] ?? (typeof raw.file === "string" ? raw.file : "");
    if (!file) throw new JobRefusal("params.invalid", [{ code: "jobs.file.missing" }]);
    return { file };
  },
  run: async (ctx, params) => {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(params.file);
    } catch {
      throw new JobRefusal("params.invalid", [{ code: "jobs.file.unreadable", params: { file: params.file } }]);
    }
    return importCoda(ctx, bytes, params.file);
  },
};
