// CODA import: parse and check the whole file first (a bad file is refused whole with its record
// number and reason), refuse a statement of any account but the fund's own (docs/decisions/0027), refuse a
// statement already imported (BankStatement unique keys: file hash and account + sequence + date), then in ONE
// transaction record every incoming credit as a Payment: a valid structured communication naming a call (or a plan
// instalment) is matched and allocated by the domain's allocatePayment (PaymentAllocation rows); everything else
// waits in the UNMATCHED queue.
// Set-based: per statement a handful of queries whatever its size (bookCredits below, returnCollections in
// coda-returns.ts: a SEPA return reopens the debt and tells the affiliate).
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { isValidStructuredCommunication, normalizeIban } from "@/lib/domain";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CodaError, milliToCents, parseCoda, paymentMovements, statementIban, type CodaStatement } from "@/lib/formats/coda/parser";
import { allocateInMemory, openItemsOf } from "@/lib/dal/internal/allocation";
import { notifyMany } from "@/lib/dal/internal/notify";
import { loadFund } from "@/lib/dal/internal/reference-data";
import { returnCollections, type CodaReturn } from "./coda-returns";
import { JobRefusal, type JobContext, type JobDefinition, type JobResult } from "./types";

export interface ImportCodaParams extends Record<string, string | number | boolean | undefined> {
  file: string;
}

export { paymentMovements };

/** An account in groups of four ("BE68 5390 0754 7034"), as the refusal message shows it. */
const grouped = (account: string) => account.replace(/(.{4})(?=.)/g, "$1 ");

/** Every statement of the file must be of the fund's own account (record 1; structure 0 read as its IBAN): a
 *  statement of another account — an affiliate's, a former bank's — is refused whole, naming both accounts. */
export function assertFundAccount(statements: CodaStatement[], fundIban: string): void {
  const own = normalizeIban(fundIban);
  const foreign = statements.find((s) => statementIban(s) !== own);
  if (foreign)
    throw new JobRefusal("coda.foreignAccount", [
      { code: "coda.foreignAccount", params: { record: foreign.firstRecord + 1, account: grouped(statementIban(foreign)), fundAccount: grouped(own) } },
    ]);
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
  assertFundAccount(statements, (await loadFund(prisma)).iban);
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
        const credits: Staged[] = [];
        const returns: CodaReturn[] = [];
        for (const m of paymentMovements(st)) {
          const cents = milliToCents(m.amountMilli, m.record);
          const valueOn = m.valueOn ?? m.entryOn ?? statementOn;
          if (cents < 0) {
            counts.debits++;
            if (m.endToEndId) returns.push({ e2e: m.endToEndId, reason: m.rReason || "RTRN", on: valueOn });
            continue;
          }
          counts.credits++;
          totalCents += cents;
          const ogm = (m.structuredType === "101" || m.structuredType === "102") && isValidStructuredCommunication(m.communication) ? m.communication : null;
          credits.push({
            i: credits.length, ogm, e2e: m.endToEndId || null, cents, valueOn,
            id: `pay-${sha.slice(0, 20)}-${index + 1}-${credits.length + 1}`,
            bankReference: `${st.account}:${st.sequence}:${statementOn}:${m.sequence}:${m.detail}`,
            counterpartyName: m.counterpartyName || null, counterpartyIban: m.counterpartyAccount || null,
            communication: m.structuredType ? m.communication : m.communication.trim() || null,
          });
        }
        const booked = await bookCredits(tx, bank.id, credits);
        counts.matched += booked.matched;
        counts.unmatched += credits.length - booked.matched;
        counts.returned += await returnCollections(tx, returns);
      }
    }, { timeout: 600_000 });
  } catch (error) {
    if (isUniqueViolation(error)) throw new JobRefusal("coda.duplicate", [{ code: "coda.duplicate" }]);
    throw error;
  }
  await ctx.progress(1000);
  return { counts, totalCents, errors: warnings, output: { sha256: sha } };
}

type Tx = Prisma.TransactionClient;

/** One incoming credit of a statement, staged for the set-based booking. */
interface Staged {
  i: number;
  id: string;
  ogm: string | null;
  e2e: string | null;
  cents: number;
  valueOn: string;
  bankReference: string;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  communication: string | null;
}

type Match = { i: number; collectionId: string | null; callId: string | null; affiliateId: string | null; instalmentId: string | null; instAmount: number | null; instPaid: number | null };

/** Books a statement's credits set-based: ONE query matches every credit (SEPA end-to-end id → collection → call,
 *  else structured communication → call, else → plan instalment); ONE query loads the open items of all matched
 *  affiliates; the domain's allocatePayment runs in memory, credit after credit in statement order; ONE statement
 *  then writes the Payment rows, the PAYMENT ledger credits, the PaymentAllocation rows, the collections
 *  collected and the instalments paid. */
async function bookCredits(tx: Tx, statementId: string, credits: Staged[]): Promise<{ matched: number }> {
  if (credits.length === 0) return { matched: 0 };
  const matches = await tx.$queryRawUnsafe<Match[]>(
    `SELECT m.i, dc.id AS "collectionId", coalesce(cc.id, c.id) AS "callId",
       coalesce(cc."affiliateId", c."affiliateId", pl."affiliateId") AS "affiliateId",
       i.id AS "instalmentId", i."amountCents" AS "instAmount", i."paidCents" AS "instPaid"
     FROM json_to_recordset($1::json) AS m(i int, ogm char(12), e2e text)
     LEFT JOIN "DirectDebitCollection" dc ON dc."endToEndId" = m.e2e
     LEFT JOIN "ContributionCall" cc ON cc.id = dc."callId"
     LEFT JOIN "ContributionCall" c ON dc.id IS NULL AND c."structuredCommunication" = m.ogm
     LEFT JOIN "Instalment" i ON dc.id IS NULL AND c.id IS NULL AND i."structuredCommunication" = m.ogm
     LEFT JOIN "PaymentPlan" pl ON pl.id = i."planId"`,
    JSON.stringify(credits.map((c) => ({ i: c.i, ogm: c.ogm, e2e: c.e2e }))),
  );
  const byIndex = new Map(matches.map((m) => [m.i, m]));
  const matched = credits.filter((c) => byIndex.get(c.i)?.affiliateId);
  const items = await openItemsOf(tx, matched.map((c) => byIndex.get(c.i)!.affiliateId!));
  const { allocations } = allocateInMemory(
    items,
    matched.map((c) => ({ key: c.id, affiliateId: byIndex.get(c.i)!.affiliateId!, amountCents: c.cents, valueOn: c.valueOn, callId: byIndex.get(c.i)!.callId })),
  );
  const instalmentPaid = new Map<string, { left: number; paid: number }>();
  const collected = new Map<string, string>();
  for (const c of matched) {
    const m = byIndex.get(c.i)!;
    if (m.instalmentId) {
      const s = instalmentPaid.get(m.instalmentId) ?? { left: Number(m.instAmount) - Number(m.instPaid), paid: 0 };
      const paid = Math.min(s.left, c.cents);
      if (paid > 0) {
        s.left -= paid;
        s.paid += paid;
      }
      instalmentPaid.set(m.instalmentId, s);
    }
    if (m.collectionId) collected.set(m.collectionId, c.id);
  }
  const payments = credits.map((c) => {
    const m = byIndex.get(c.i);
    return {
      id: c.id, affiliateId: m?.affiliateId ?? null, source: m?.collectionId ? "DIRECT_DEBIT" : "CODA", status: m?.affiliateId ? "MATCHED" : "UNMATCHED",
      amountCents: c.cents, valueOn: c.valueOn, counterpartyName: c.counterpartyName, counterpartyIban: c.counterpartyIban,
      communication: c.communication, bankReference: c.bankReference, statementId,
    };
  });
  await tx.$executeRawUnsafe(
    `WITH p AS (
       INSERT INTO "Payment" (id, "affiliateId", source, status, "amountCents", "valueOn", "counterpartyName", "counterpartyIban", communication, "bankReference", "statementId")
       SELECT id, "affiliateId", source, status, "amountCents", "valueOn", "counterpartyName", "counterpartyIban", communication, "bankReference", "statementId"
       FROM json_populate_recordset(NULL::"Payment", $1::json)
       RETURNING id, "affiliateId", "amountCents", "valueOn"),
     e AS (
       INSERT INTO "LedgerEntry" ("affiliateId", kind, "amountCents", "bookedOn", "valueOn", "paymentId", "reasonCode", "reasonParams", "uniqueKey")
       SELECT "affiliateId", 'PAYMENT', -"amountCents", "valueOn", "valueOn", id, 'payment.received',
              jsonb_build_object('valueOn', to_char("valueOn", 'YYYY-MM-DD')), 'payment:' || id
       FROM p WHERE "affiliateId" IS NOT NULL
       RETURNING id, "paymentId"),
     a AS (
       INSERT INTO "PaymentAllocation" ("paymentEntryId", "targetEntryId", "amountCents")
       SELECT e.id, x.target, x.cents FROM json_to_recordset($2::json) AS x(key text, target bigint, cents int) JOIN e ON e."paymentId" = x.key
       RETURNING 1),
     dc AS (
       UPDATE "DirectDebitCollection" d SET status = 'COLLECTED', "paymentId" = x.payment
       FROM json_to_recordset($3::json) AS x(id text, payment text) WHERE d.id = x.id
       RETURNING 1),
     ins AS (
       UPDATE "Instalment" t SET "paidCents" = t."paidCents" + x.paid
       FROM json_to_recordset($4::json) AS x(id text, paid int) WHERE t.id = x.id
       RETURNING 1)
     SELECT (SELECT count(*) FROM a) + (SELECT count(*) FROM dc) + (SELECT count(*) FROM ins)`,
    JSON.stringify(payments),
    JSON.stringify(allocations.map((a) => ({ key: a.key, target: a.targetEntryId.toString(), cents: a.amountCents }))),
    JSON.stringify([...collected].map(([id, payment]) => ({ id, payment }))),
    JSON.stringify([...instalmentPaid].filter(([, s]) => s.paid > 0).map(([id, s]) => ({ id, paid: s.paid }))),
  );
  // each affiliate is told their payment arrived (inbox, and e-mail when wanted), in the import's transaction
  await notifyMany(
    tx,
    matched.map((c) => ({ affiliateId: byIndex.get(c.i)!.affiliateId!, kind: "paymentReceived" as const, values: { amountCents: c.cents, valueOn: c.valueOn }, path: "/me", uniqueKey: `payment:${c.id}` })),
  );
  return { matched: matched.length };
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
