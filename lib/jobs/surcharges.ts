// Surcharges: 3 % at each quarter end and 7 % on 1 January on the principal still unpaid
// (domain calculateSurcharges, with the starters' extra quarter and the post-birth free quarter), and the
// company contribution's 1 % per month (domain companyLateSurcharge). Ledger entries with their reason and the
// idempotency key 'surcharge:<callId>:<kind>:<date>' (the same key the seed uses): never twice.
import {
  addMonths,
  calculateSurcharges,
  companyLateSurcharge,
  postBirthExemptQuarter,
  quarterStart,
  type PrincipalPayment,
  type Quarter,
  type QuarterNumber,
  type SurchargeCall,
} from "@/lib/domain";
import { insertIgnore } from "./sql";
import type { JobContext, JobDefinition, JobResult } from "./types";

const iso = (d: Date) => d.toISOString().slice(0, 10);

export async function runSurcharges(ctx: JobContext): Promise<JobResult> {
  const { prisma, today } = ctx;
  const counts = { affiliates: 0, created: 0, skippedExisting: 0 };
  let totalCents = 0;
  const total = await prisma.affiliate.count({ where: { calls: { some: { dueOn: { lt: new Date(`${today}T00:00:00Z`) } } } } });
  let after = "";
  let done = 0;
  for (let chunkIndex = 0; ; chunkIndex++) {
    const affiliates = await prisma.affiliate.findMany({
      where: { id: { gt: after }, calls: { some: { dueOn: { lt: new Date(`${today}T00:00:00Z`) } } } },
      orderBy: { id: "asc" },
      take: 1000,
      select: {
        id: true,
        person: { select: { births: { select: { bornOn: true } } } },
        affiliations: { select: { startOn: true, periods: { select: { primoStarterUntil: true } } } },
        calls: { select: { id: true, kind: true, year: true, quarter: true, contributionCents: true, issuedOn: true, dueOn: true } },
      },
    });
    if (affiliates.length === 0) break;
    after = affiliates[affiliates.length - 1].id;
    const ids = affiliates.map((a) => a.id);
    // principal payments: allocations to the CALL entries, dated by the payment's value date
    const paid = await prisma.$queryRawUnsafe<{ callId: string; paidOn: Date; amountCents: number }[]>(
      `SELECT t."callId", coalesce(p."valueOn", p."bookedOn") AS "paidOn", sum(pa."amountCents")::int AS "amountCents"
       FROM "PaymentAllocation" pa JOIN "LedgerEntry" t ON t.id = pa."targetEntryId" JOIN "LedgerEntry" p ON p.id = pa."paymentEntryId"
       WHERE t."affiliateId" = ANY($1::text[]) AND t.kind = 'CALL' AND t."callId" IS NOT NULL
       GROUP BY 1, 2`,
      ids,
    );
    const byCall = new Map<string, PrincipalPayment[]>();
    for (const p of paid) {
      const list = byCall.get(p.callId) ?? [];
      list.push({ callId: p.callId, paidOn: iso(p.paidOn), amountCents: p.amountCents });
      byCall.set(p.callId, list);
    }
    const entries: Record<string, unknown>[] = [];
    for (const a of affiliates) {
      counts.affiliates++;
      const startOn = a.affiliations.map((x) => iso(x.startOn)).sort()[0];
      const primoUntil = a.affiliations.flatMap((x) => x.periods).map((x) => x.primoStarterUntil).find((x) => x !== null);
      const calls: SurchargeCall[] = [];
      const payments: PrincipalPayment[] = [];
      for (const c of a.calls) {
        if (c.kind === "COMPANY") {
          const late = companyLateSurcharge({ year: c.year, principalCents: c.contributionCents, dueOn: iso(c.dueOn), payments: byCall.get(c.id) ?? [], asOf: today });
          for (const l of late.lines)
            entries.push({ affiliateId: a.id, kind: "SURCHARGE", amountCents: l.amountCents, bookedOn: `${l.month}-01`, callId: c.id, reasonCode: "surcharge.companyLate", reasonParams: { month: l.month, baseCents: l.baseCents }, uniqueKey: `surcharge:${c.id}:company-late:${l.month}` });
          continue;
        }
        const quarter: Quarter = c.kind === "PROVISIONAL" ? { year: c.year, quarter: c.quarter as QuarterNumber } : { year: c.year, quarter: 4 };
        const primo = c.kind === "PROVISIONAL" && primoUntil != null && quarterStart(quarter) <= iso(primoUntil);
        calls.push({
          id: c.id, quarter, principalCents: c.contributionCents, firstClaimedOn: iso(c.issuedOn), dueOn: iso(c.dueOn),
          starterGrace: primo && startOn !== undefined && quarterStart(quarter) < addMonths(startOn, 6),
        });
        payments.push(...(byCall.get(c.id) ?? []));
      }
      if (calls.length === 0) continue;
      const s = calculateSurcharges({ calls, payments, asOf: today, postBirthExemptQuarters: (a.person?.births ?? []).map((b) => postBirthExemptQuarter(iso(b.bornOn))) });
      for (const l of s.lines)
        entries.push({
          affiliateId: a.id, kind: "SURCHARGE", amountCents: l.amountCents, bookedOn: l.on, callId: l.callId,
          reasonCode: l.kind === "annual" ? "surcharge.annual" : l.kind === "quarterly" ? "surcharge.quarterly" : `surcharge.${l.kind}`,
          reasonParams: { on: l.on, baseCents: l.baseCents, rateBp: l.rateBp }, uniqueKey: `surcharge:${l.callId}:${l.kind}:${l.on}`,
        });
    }
    if (ctx.dryRun) {
      const existing = new Set((await prisma.ledgerEntry.findMany({ where: { uniqueKey: { in: entries.map((e) => e.uniqueKey as string) } }, select: { uniqueKey: true } })).map((e) => e.uniqueKey));
      for (const e of entries) {
        if (existing.has(e.uniqueKey as string)) counts.skippedExisting++;
        else {
          counts.created++;
          totalCents += e.amountCents as number;
        }
      }
    } else {
      const inserted = await prisma.$transaction((tx) => insertIgnore<{ amountCents: number }>(tx, "LedgerEntry", entries, `"amountCents"`));
      counts.created += inserted.length;
      counts.skippedExisting += entries.length - inserted.length;
      totalCents += inserted.reduce((s, e) => s + e.amountCents, 0);
    }
    done += affiliates.length;
    await ctx.progress(total === 0 ? 1000 : (done / total) * 1000);
    await ctx.afterChunk?.(chunkIndex);
  }
  return { counts, totalCents };
}

export const surchargesJob: JobDefinition = { name: "surcharges", parse: () => ({}), run: (ctx) => runSurcharges(ctx) };
