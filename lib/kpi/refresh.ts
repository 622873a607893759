// Incremental refresh of the KpiFact table. Only the months touched since the last successful refresh are
// recomputed: a request changed (updatedAt, a new RequestEvent, a staff answer) can move buckets anywhere from
// its filing month to today; a ledger entry or allocation written since touches its call's due month; and the
// passing of time (deadlines expiring, calls falling due) touches the months between the last refresh's "today"
// and this one. Benefits and recovery (small tables, no change stamp on every row) are recomputed in full.
// Each run is recorded as a JobRun (job 'kpi.refresh'), whose startedAt is the next run's "since".
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isoDate } from "@/lib/clock";
import { aggregate, CALL_MIN_LEAD_DAYS, DEBT_OLD_DAYS, monthOf, monthsBetween, recoveryObservations, type Fact, type Observation } from "@/lib/kpi/compute";
import { benefitObservations, requestObservations } from "@/lib/kpi/compute-requests";
import { TRANSMISSION_INDICATORS, transmissionObservations } from "@/lib/kpi/compute-transmissions";
import { OUTCOME_FACT_PREFIX } from "./indicators";
import { CALL_COLLECTION_SQL, loadBenefits, loadRecoveryDebtors, loadRequests, loadTransmissions } from "./load";

export const REFRESH_JOB = "kpi.refresh";
/** Bumped when the refresh starts keeping new derived tables (2: KpiRollup, KpiOpenCall; 3: KpiObservation): a
 *  last run of an older version does not count, so the first refresh after the upgrade is a full one. */
export const KPI_MODEL_VERSION = 3;
const REQUEST_INDICATORS = ["requests_filed", "answer_45d", "decision_4m", "affiliation_days", "advisor_resolved"];
const BENEFIT_INDICATORS = ["benefit_paid_4m", "benefit_interest", "benefit_automatic"];
const RECOVERY_INDICATORS = ["warned_before_judicial", "contact_before_judicial"];
const SMALL_INDICATORS = [...BENEFIT_INDICATORS, ...RECOVERY_INDICATORS, ...TRANSMISSION_INDICATORS];

export type RefreshResult = { jobRunId: string; full: boolean; requestMonths: string[]; ledgerMonths: string[]; facts: number };

async function lastRefresh(prisma: PrismaClient): Promise<{ startedAt: Date; today: string } | null> {
  const run = await prisma.jobRun.findFirst({ where: { job: REFRESH_JOB, status: "SUCCEEDED" }, orderBy: { startedAt: "desc" } });
  if (!run) return null;
  const { today, version } = run.params as { today?: string; version?: number };
  return today && version === KPI_MODEL_VERSION ? { startedAt: run.startedAt, today } : null;
}

/** The drillable observations (not the per-outcome counts) kept for the drill-downs. */
async function insertObservations(tx: Pick<PrismaClient, "$executeRawUnsafe">, observations: Observation[]) {
  const kept = observations.filter((o) => !o.indicator.startsWith(OUTCOME_FACT_PREFIX));
  // one statement per 50,000 rows: eleven arrays unnested (national scale: hundreds of thousands of rows)
  for (let i = 0; i < kept.length; i += 50_000) {
    const chunk = kept.slice(i, i + 50_000);
    const col = <T,>(f: (o: Observation) => T) => chunk.map(f);
    await tx.$executeRawUnsafe(
      `insert into "KpiObservation" (indicator, month, category, "advisorId", "requestType", "affiliateId", "recordId", reference, "on", ok, value)
       select * from unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::date[], $10::boolean[], $11::int[])`,
      col((o) => o.indicator), col((o) => o.month), col((o) => o.category), col((o) => o.advisorId), col((o) => o.requestType), col((o) => o.affiliateId),
      col((o) => o.recordId), col((o) => o.reference), col((o) => o.on), col((o) => o.ok), col((o) => (o.value === null ? null : Math.round(o.value))),
    );
  }
}

async function insertFacts(tx: Pick<PrismaClient, "$executeRawUnsafe">, facts: Fact[]) {
  // one statement per 50,000 rows: the columns as arrays, unnested
  for (let i = 0; i < facts.length; i += 50_000) {
    const chunk = facts.slice(i, i + 50_000);
    const col = <T,>(f: (x: Fact) => T) => chunk.map(f);
    await tx.$executeRawUnsafe(
      `insert into "KpiFact" (indicator, month, category, "advisorId", "requestType", count, numerator, denominator)
       select * from unnest($1::text[], $2::date[], $3::text[], $4::text[], $5::text[], $6::int[], $7::bigint[], $8::bigint[])`,
      col((f) => f.indicator), col((f) => f.month), col((f) => f.category), col((f) => f.advisorId), col((f) => f.requestType),
      col((f) => f.count), col((f) => String(f.numerator)), col((f) => String(f.denominator)),
    );
  }
}

export async function refreshKpiFacts(prisma: PrismaClient, today: string, options: { full?: boolean; startedById?: string | null } = {}): Promise<RefreshResult> {
  const last = options.full ? null : await lastRefresh(prisma);
  const full = last === null;
  const run = await prisma.jobRun.create({ data: { job: REFRESH_JOB, status: "RUNNING", params: { today, full, version: KPI_MODEL_VERSION }, startedById: options.startedById ?? null } });
  try {
    const result = await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`select pg_advisory_xact_lock(hashtext('kpi.refresh'))`);
      const todayMonth = monthOf(today);

      // ── requests: dirty months ──
      let requestMonths: string[];
      if (full) {
        const [{ min }] = await tx.$queryRawUnsafe<{ min: Date | null }[]>(`select min("filedOn") as min from "Request"`);
        requestMonths = min ? monthsBetween(isoDate(min), today) : [];
      } else {
        const [{ min }] = await tx.$queryRawUnsafe<{ min: Date | null }[]>(
          `select min(r."filedOn") as min from "Request" r
            where r."updatedAt" > $1 or exists (select 1 from "RequestEvent" e where e."requestId" = r.id and e.at > $1)
               or exists (select 1 from "MessageThread" t join "Message" m on m."threadId" = t.id where t."requestId" = r.id and m."createdAt" > $1)`,
          last.startedAt,
        );
        const from = min && isoDate(min) < last.today ? isoDate(min) : last.today;
        requestMonths = monthsBetween(from, today);
      }
      let requestFacts: Fact[] = [];
      if (requestMonths.length) {
        const dirty = new Set(requestMonths);
        const requests = await loadRequests(tx as unknown as PrismaClient, full ? {} : { activeFrom: requestMonths[0] });
        const observations = requests.flatMap((r) => requestObservations(r, today)).filter((o) => dirty.has(o.month));
        requestFacts = aggregate(observations);
        await tx.$executeRawUnsafe(
          `delete from "KpiFact" where (indicator = any($1::text[]) or indicator like '${OUTCOME_FACT_PREFIX}%') and month = any($2::date[])`,
          REQUEST_INDICATORS, requestMonths,
        );
        await insertFacts(tx, requestFacts);
        await tx.$executeRawUnsafe(`delete from "KpiObservation" where indicator = any($1::text[]) and month = any($2::date[])`, REQUEST_INDICATORS, requestMonths);
        await insertObservations(tx, observations);
      }

      // ── benefits, recovery and the transmissions: in full ──
      const small: Observation[] = [
        ...(await loadBenefits(tx as unknown as PrismaClient)).flatMap((b) => benefitObservations(b, today)),
        ...(await loadRecoveryDebtors(tx as unknown as PrismaClient)).flatMap((d) => recoveryObservations(d)),
        ...(await loadTransmissions(tx as unknown as PrismaClient)).flatMap((t) => transmissionObservations(t, today)),
      ];
      const smallFacts = aggregate(small);
      await tx.$executeRawUnsafe(`delete from "KpiFact" where indicator = any($1::text[])`, SMALL_INDICATORS);
      await insertFacts(tx, smallFacts);
      await tx.$executeRawUnsafe(`delete from "KpiObservation" where indicator = any($1::text[])`, SMALL_INDICATORS);
      await insertObservations(tx, small);

      // ── ledger: set-based SQL (same definitions as callObservations / collectionObservations) ──
      let issuedMonths: string[];
      let dueMonths: string[];
      if (full) {
        const [{ minI, minD }] = await tx.$queryRawUnsafe<{ minI: Date | null; minD: Date | null }[]>(`select min("issuedOn") as "minI", min("dueOn") as "minD" from "ContributionCall"`);
        issuedMonths = minI ? monthsBetween(isoDate(minI), today) : [];
        dueMonths = minD ? monthsBetween(isoDate(minD), today) : [];
      } else {
        const touched = await tx.$queryRawUnsafe<{ issued: Date | null; due: Date | null }[]>(
          `select distinct date_trunc('month', c."issuedOn")::date as issued, date_trunc('month', c."dueOn")::date as due
             from "ContributionCall" c where c."createdAt" > $1
           union
           select distinct null::date, date_trunc('month', c."dueOn")::date from "LedgerEntry" l join "ContributionCall" c on c.id = l."callId" where l."createdAt" > $1
           union
           select distinct null::date, date_trunc('month', c."dueOn")::date from "PaymentAllocation" pa join "LedgerEntry" l on l.id = pa."targetEntryId"
             join "ContributionCall" c on c.id = l."callId" where pa."createdAt" > $1`,
          last.startedAt,
        );
        const passing = monthsBetween(last.today, today);
        issuedMonths = [...new Set(touched.flatMap((t) => (t.issued ? [isoDate(t.issued)] : [])))].sort();
        dueMonths = [...new Set([...touched.flatMap((t) => (t.due ? [isoDate(t.due)] : [])), ...passing])].filter((m) => m <= todayMonth).sort();
      }
      if (issuedMonths.length) {
        await tx.$executeRawUnsafe(`delete from "KpiFact" where indicator in ('calls_on_time', 'regularisations_on_time') and month = any($1::date[])`, issuedMonths);
        await tx.$executeRawUnsafe(
          `insert into "KpiFact" (indicator, month, category, "advisorId", "requestType", count, numerator, denominator)
           select case when c.kind = 'REGULARISATION' then 'regularisations_on_time' else 'calls_on_time' end,
                  date_trunc('month', c."issuedOn")::date, coalesce(c.category::text, 'COMPANY'), '', '',
                  count(*), count(*) filter (where c."dueOn" - c."issuedOn" >= ${CALL_MIN_LEAD_DAYS}), count(*)
             from "ContributionCall" c where date_trunc('month', c."issuedOn")::date = any($1::date[]) group by 1, 2, 3`,
          issuedMonths,
        );
      }
      if (dueMonths.length) {
        // the dirty months' calls past due, computed once: collection facts and the open calls both come from it
        await tx.$executeRawUnsafe(
          `create temp table kpi_due_calls on commit drop as
           select * from (${CALL_COLLECTION_SQL} where c."dueOn" >= $3::date and date_trunc('month', c."dueOn")::date = any($1::date[]) and c."dueOn" < $2::date) x where x.called > 0`,
          dueMonths, today, dueMonths[0],
        );
        await tx.$executeRawUnsafe(`delete from "KpiFact" where indicator = 'collection_rate' and month = any($1::date[])`, dueMonths);
        await tx.$executeRawUnsafe(
          `insert into "KpiFact" (indicator, month, category, "advisorId", "requestType", count, numerator, denominator)
           select 'collection_rate', date_trunc('month', x."dueOn")::date, x.category, '', '', count(*), sum(least(x.settled, x.called)), sum(x.called)
             from kpi_due_calls x group by 2, 3`,
        );
        if (full) await tx.$executeRawUnsafe(`delete from "KpiOpenCall"`);
        else await tx.$executeRawUnsafe(`delete from "KpiOpenCall" where "dueOn" >= $2::date and date_trunc('month', "dueOn")::date = any($1::date[])`, dueMonths, dueMonths[0]);
        await tx.$executeRawUnsafe(
          `insert into "KpiOpenCall" ("callId", "affiliateId", reference, category, "dueOn", "calledCents", "settledCents", "outstandingCents")
           select x.id, x."affiliateId", x.reference, x.category, x."dueOn", x.called, x.settled, x.called - x.settled from kpi_due_calls x where x.called > x.settled`,
        );
        await tx.$executeRawUnsafe(`drop table kpi_due_calls`);
      }
      // debt ageing: a snapshot as of today, kept in today's month (past months keep their own snapshot); the open
      // calls are current for every month (each month is recomputed whenever its ledger changes or it falls due)
      await tx.$executeRawUnsafe(`delete from "KpiFact" where indicator = 'debt_over_1y' and month = $1::date`, todayMonth);
      await tx.$executeRawUnsafe(
        `insert into "KpiFact" (indicator, month, category, "advisorId", "requestType", count, numerator, denominator)
         select 'debt_over_1y', $1::date, x.category, '', '', count(*),
                sum(case when $2::date - x."dueOn" > ${DEBT_OLD_DAYS} then x."outstandingCents" else 0 end), sum(x."outstandingCents")
           from "KpiOpenCall" x where x."dueOn" < $2::date group by 3`,
        todayMonth, today,
      );

      // ── the advisor-less rollup the dashboards read: the months rewritten above, and the small families in full ──
      const months = [...new Set([...requestMonths, ...issuedMonths, ...dueMonths, todayMonth])];
      const scope = full ? `true` : `(month = any($1::date[]) or indicator = any($2::text[]))`;
      const scopeParams = full ? [] : [months, SMALL_INDICATORS];
      await tx.$executeRawUnsafe(`delete from "KpiRollup" where ${scope}`, ...scopeParams);
      await tx.$executeRawUnsafe(
        `insert into "KpiRollup" (indicator, month, category, "requestType", count, numerator, denominator)
         select indicator, month, category, "requestType", sum(count)::int, sum(numerator), sum(denominator) from "KpiFact" where ${scope} group by 1, 2, 3, 4`,
        ...scopeParams,
      );
      const [{ n }] = await tx.$queryRawUnsafe<{ n: bigint }[]>(`select count(*) as n from "KpiFact"`);
      return { requestMonths, ledgerMonths: [...new Set([...issuedMonths, ...dueMonths])].sort(), facts: Number(n) };
    }, { timeout: 30 * 60_000, maxWait: 60_000 });
    await prisma.jobRun.update({ where: { id: run.id }, data: { status: "SUCCEEDED", finishedAt: new Date(), progress: 1000, counts: { facts: result.facts, requestMonths: result.requestMonths.length, ledgerMonths: result.ledgerMonths.length } } });
    return { jobRunId: run.id, full, ...result };
  } catch (error) {
    await prisma.jobRun.update({ where: { id: run.id }, data: { status: "FAILED", finishedAt: new Date(), errors: [String(error)] } });
    throw error;
  }
}
