// Regularisation from the tax authority's income file. Input: a CSV file, UTF-8, separator ';',
// one header line, then one line per person and year:
//
//   niss;year;income_eur          or          niss;year;income_cents
//   85.07.30-033.28;2023;42317,50               85073003328;2023;4231750
//
// - niss: national register or BIS number, separators (spaces, dots, dashes) allowed, checked by the domain;
// - year: a past calendar year (4 digits, before today's year);
// - income: the real net professional income of the year, never negative; the header names the unit:
//   `income_eur` = euros with a decimal COMMA and at most 2 decimals (no thousands separator), e.g. 42317,50;
//   `income_cents` = an integer number of cents, e.g. 4231750.
// EVERY line is checked first (syntax, NISS, a known affiliate, provisional calls for that year, no duplicate
// person+year in the file, no regularisation already issued); any error refuses the whole file with one error
// per faulty line (code + line number) and nothing is written. Otherwise, in one transaction: an IncomeRecord
// (source 'tax-authority') per line and the regularisation computed by the domain (calculateRegularisation over
// the year's provisional calls): a supplement becomes a REGULARISATION call (quarter 0) with CALL/FEE ledger
// entries due regularisationDueDate(today); a refund becomes an ADJUSTMENT credit entry, first set off against what
// the affiliate owes and is overdue (lib/dal/internal/refund-set-off.ts; the affiliate is told by e-mail). The unique key per
// affiliate and year (call (affiliate, year, 0, REGULARISATION), ledger uniqueKey 'regularisation:<aff>:<year>')
// makes a rerun write nothing twice.
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { parseEuros } from "@/lib/domain/parse-euros";
import { calculateRegularisation, normalizeNiss, parseNiss, quarterEnd, quarterStart, type QuarterNumber } from "@/lib/domain";
import { toDomainCategory } from "@/lib/db/enums";
import { loadFund, loadParameters } from "@/lib/dal/internal/reference-data";
import { bookRefunds, type RefundToBook } from "@/lib/dal/internal/refund-set-off";
import { JobRefusal, type JobContext, type JobDefinition, type JobResult } from "./types";

export interface RegularisationParams extends Record<string, string | number | boolean | undefined> {
  file: string;
}

export interface RegularisationLine {
  line: number;
  niss: string;
  year: number;
  incomeCents: number;
}

type LineError = { code: string; params: Record<string, string | number> };

/** The 12 digits of a regularisation call: YY 0 2 + member number (6 digits) + check digits. */
export function regularisationCommunication(memberNumber: string, year: number): string | null {
  if (!/^\d{1,6}$/.test(memberNumber)) return null;
  const ten = `${String(year).slice(2)}02${memberNumber.padStart(6, "0")}`;
  return ten + String(Number(ten) % 97 || 97).padStart(2, "0");
}

/** Parses an income cell in the header's unit into integer cents; null when malformed. */
export function parseIncome(value: string, unit: "eur" | "cents"): number | null {
  const v = value.trim();
  if (unit === "cents") return /^\d{1,13}$/.test(v) ? Number(v) : null;
  return parseEuros(v);
}

/** Syntax check of the whole file (no database): the lines, or every line's errors. */
export function parseRegularisationCsv(text: string, today: string): { lines: RegularisationLine[]; errors: LineError[] } {
  const errors: LineError[] = [];
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { delimiter: ";", relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    return { lines: [], errors: [{ code: "regularisation.csv.malformed", params: { line } }] };
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const unit = header[2] === "income_eur" ? "eur" : header[2] === "income_cents" ? "cents" : null;
  if (header.length !== 3 || header[0] !== "niss" || header[1] !== "year" || unit === null)
    return { lines: [], errors: [{ code: "regularisation.header.invalid", params: { line: 1 } }] };
  if (records.length < 2) return { lines: [], errors: [{ code: "regularisation.file.empty", params: { line: 1 } }] };
  const lines: RegularisationLine[] = [];
  const seen = new Map<string, number>();
  const thisYear = Number(today.slice(0, 4));
  records.slice(1).forEach((r, i) => {
    const line = i + 2;
    if (r.length !== 3) {
      errors.push({ code: "regularisation.columns.count", params: { line, count: r.length } });
      return;
    }
    const niss = normalizeNiss(r[0]);
    const lineErrors: LineError[] = [];
    if (niss === null || parseNiss(niss) === null) lineErrors.push({ code: "regularisation.niss.invalid", params: { line } });
    const year = /^\d{4}$/.test(r[1]) ? Number(r[1]) : NaN;
    if (!(year >= 2000 && year < thisYear)) lineErrors.push({ code: "regularisation.year.invalid", params: { line } });
    const incomeCents = parseIncome(r[2], unit);
    if (incomeCents === null) lineErrors.push({ code: "regularisation.income.invalid", params: { line } });
    if (lineErrors.length === 0 && niss !== null && incomeCents !== null) {
      const key = `${niss}:${year}`;
      const first = seen.get(key);
      if (first !== undefined) lineErrors.push({ code: "regularisation.line.duplicate", params: { line, firstLine: first } });
      else seen.set(key, line);
    }
    if (lineErrors.length > 0) errors.push(...lineErrors);
    else lines.push({ line, niss: niss as string, year, incomeCents: incomeCents as number });
  });
  return { lines, errors };
}

type Resolved = RegularisationLine & { personId: string; affiliateId: string; memberNumber: string };

export async function runRegularisation(ctx: JobContext, text: string): Promise<JobResult> {
  const { prisma, today } = ctx;
  const parsed = parseRegularisationCsv(text, today);
  const errors = [...parsed.errors];
  // database checks, still before writing anything
  const people = await prisma.person.findMany({ where: { niss: { in: [...new Set(parsed.lines.map((l) => l.niss))] } }, include: { affiliate: true } });
  const byNiss = new Map(people.map((p) => [p.niss, p]));
  const resolved: Resolved[] = [];
  for (const l of parsed.lines) {
    const person = byNiss.get(l.niss);
    if (!person?.affiliate) {
      errors.push({ code: "regularisation.niss.unknown", params: { line: l.line } });
      continue;
    }
    resolved.push({ ...l, personId: person.id, affiliateId: person.affiliate.id, memberNumber: person.affiliate.memberNumber });
  }
  const calls = await prisma.contributionCall.findMany({
    where: { OR: resolved.map((r) => ({ affiliateId: r.affiliateId, year: r.year })), kind: { in: ["PROVISIONAL", "REGULARISATION"] } },
  });
  const existingRefunds = await prisma.ledgerEntry.findMany({ where: { uniqueKey: { in: resolved.map((r) => `regularisation:${r.affiliateId}:${r.year}`) } }, select: { uniqueKey: true } });
  const refunded = new Set(existingRefunds.map((e) => e.uniqueKey));
  const fund = await loadFund(prisma);
  const plans: { r: Resolved; result: ReturnType<typeof calculateRegularisation>; category: string }[] = [];
  let alreadyDone = 0;
  for (const r of resolved) {
    const mine = calls.filter((c) => c.affiliateId === r.affiliateId && c.year === r.year);
    if (mine.some((c) => c.kind === "REGULARISATION") || refunded.has(`regularisation:${r.affiliateId}:${r.year}`)) {
      alreadyDone++;
      continue;
    }
    const provisional = mine.filter((c) => c.kind === "PROVISIONAL" && c.quarter >= 1 && c.quarter <= 4).sort((a, b) => a.quarter - b.quarter);
    const last = provisional[provisional.length - 1];
    if (!last?.category) {
      errors.push({ code: "regularisation.noProvisionalCalls", params: { line: r.line, year: r.year } });
      continue;
    }
    const periods = await prisma.categoryPeriod.findMany({ where: { affiliation: { affiliateId: r.affiliateId }, primoStarterUntil: { not: null } } });
    const primo = (q: number) => {
      const start = quarterStart({ year: r.year, quarter: q as QuarterNumber });
      const end = quarterEnd({ year: r.year, quarter: q as QuarterNumber });
      return periods.some((p) => p.fromOn.toISOString().slice(0, 10) <= end && (p.primoStarterUntil as Date).toISOString().slice(0, 10) >= start);
    };
    try {
      const params = await loadParameters(prisma, r.year);
      const result = calculateRegularisation(
        {
          year: r.year, category: toDomainCategory(last.category), realIncomeCents: r.incomeCents, notifiedOn: today, managementFeeBp: fund.managementFeeBp,
          quarters: provisional.map((c) => ({ quarter: c.quarter as QuarterNumber, provisionalCents: c.contributionCents, primoStarter: primo(c.quarter) })),
        },
        params,
      );
      if (result.netCents > 0 && regularisationCommunication(r.memberNumber, r.year) === null)
        errors.push({ code: "regularisation.memberNumber.invalid", params: { line: r.line } });
      plans.push({ r, result, category: last.category });
    } catch (error) {
      errors.push({ code: "regularisation.computation.failed", params: { line: r.line, reason: error instanceof Error ? error.message : "?" } });
    }
  }
  if (errors.length > 0) throw new JobRefusal("regularisation.rejected", errors.sort((a, b) => (a.params.line as number) - (b.params.line as number)));

  const counts: Record<string, number> = { lines: parsed.lines.length, incomeRecords: 0, supplements: 0, refunds: 0, unchanged: 0, skippedExisting: alreadyDone };
  const details: Record<string, { count: number; totalCents: number }> = { supplement: { count: 0, totalCents: 0 }, refund: { count: 0, totalCents: 0 } };
  for (const { result } of plans) {
    if (result.netCents > 0) {
      details.supplement.count++;
      details.supplement.totalCents += result.netCents;
    } else if (result.netCents < 0) {
      details.refund.count++;
      details.refund.totalCents += -result.netCents;
    }
  }
  const totalCents = details.supplement.totalCents - details.refund.totalCents;
  if (ctx.dryRun) {
    counts.supplements = details.supplement.count;
    counts.refunds = details.refund.count;
    counts.unchanged = plans.length - counts.supplements - counts.refunds;
    return { counts, totalCents, details };
  }
  const refunds: RefundToBook[] = [];
  counts.refundsSetOff = 0;
  details.setOff = { count: 0, totalCents: 0 };
  await prisma.$transaction(async (tx) => {
    for (const l of resolved) {
      const res = await tx.incomeRecord.upsert({
        where: { personId_year: { personId: l.personId, year: l.year } },
        create: { personId: l.personId, year: l.year, incomeCents: BigInt(l.incomeCents), source: "tax-authority" },
        update: { incomeCents: BigInt(l.incomeCents), source: "tax-authority" },
      });
      if (res) counts.incomeRecords++;
    }
    for (const { r, result, category } of plans) {
      const key = `regularisation:${r.affiliateId}:${r.year}`;
      if (result.netCents > 0) {
        let contribution = result.quarters.reduce((s, q) => s + q.differenceCents, 0);
        let fee = result.quarters.reduce((s, q) => s + q.feeDifferenceCents, 0);
        if (fee < 0 || contribution < 0) {
          contribution = result.netCents;
          fee = 0;
        }
        const dueOn = result.supplementDueOn as string;
        const call = await tx.contributionCall.create({
          data: {
            id: `call-${r.memberNumber}-${r.year}-0-reg`, affiliateId: r.affiliateId, kind: "REGULARISATION", year: r.year, quarter: 0, category: category as never,
            incomeBaseCents: BigInt(result.annualIncomeCents), incomeYear: r.year, contributionCents: contribution, managementFeeCents: fee, totalCents: result.netCents,
            structuredCommunication: regularisationCommunication(r.memberNumber, r.year) as string, issuedOn: new Date(`${today}T00:00:00Z`),
            dueOn: new Date(`${dueOn}T00:00:00Z`), breakdown: result.breakdown as object, jobRunId: ctx.jobRunId,
          },
        });
        const booked = new Date(`${today}T00:00:00Z`);
        await tx.ledgerEntry.create({ data: { affiliateId: r.affiliateId, kind: "CALL", amountCents: contribution, bookedOn: booked, callId: call.id, reasonCode: "call.regularisation", reasonParams: { year: r.year, dueOn }, uniqueKey: `${key}:principal` } });
        if (fee > 0)
          await tx.ledgerEntry.create({ data: { affiliateId: r.affiliateId, kind: "FEE", amountCents: fee, bookedOn: booked, callId: call.id, reasonCode: "call.managementFee", reasonParams: { rateBp: fund.managementFeeBp }, uniqueKey: `${key}:fee` } });
        counts.supplements++;
      } else if (result.netCents < 0) {
        refunds.push({ affiliateId: r.affiliateId, year: r.year, refundCents: -result.netCents, uniqueKey: key, reasonCode: "regularisation.credit" });
        counts.refunds++;
      } else counts.unchanged++;
    }
    // a refund first settles what the affiliate owes and is overdue; only the rest is paid out (set-off rule)
    for (const b of await bookRefunds(tx, refunds, today)) {
      if (b.setOffCents === 0) continue;
      counts.refundsSetOff++;
      details.setOff.count++;
      details.setOff.totalCents += b.setOffCents;
    }
  }, { timeout: 120_000 });
  await ctx.progress(1000);
  return { counts, totalCents, details };
}

export const regularisationJob: JobDefinition<RegularisationParams> = {
  name: "regularisation",
  parse: (raw, positional) => {
    const file = positional[0] ?? (typeof raw.file === "string" ? raw.file : "");
    if (!file) throw new JobRefusal("params.invalid", [{ code: "jobs.file.missing" }]);
    return { file };
  },
  run: async (ctx, params) => {
    let text: string;
    try {
      text = await readFile(params.file, "utf8");
    } catch {
      throw new JobRefusal("params.invalid", [{ code: "jobs.file.unreadable", params: { file: params.file } }]);
    }
    return runRegularisation(ctx, text);
  },
};
