// Dashboard queries on a given Prisma client, with no authorization: only the DAL (lib/dal/kpi-dashboards.ts,
// which checks dashboard:read) and the benchmark call them. Read from the pre-aggregated KpiFact table (fast at
// national scale: KpiRollup unless an advisor is chosen). Drill-downs list what the last refresh kept, so that they
// add up to the dashboard's numbers: the observations (KpiObservation) for requests, benefits and recovery, the open
// calls (KpiOpenCall) for the debt indicators; calls sent late are read live (only the late ones).
import { isoDate } from "@/lib/clock";
import { NotFoundError } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { INDICATORS, indicatorDef, OUTCOME_FACT_PREFIX, type IndicatorDef } from "./indicators";
import { addMonthsToMonth, callObservations, collectionObservations, indicatorValue, monthsBetween, onTrack, sumFacts, type Observation } from "@/lib/kpi/compute";
import { brusselsDate, loadOpenCalls } from "./load";
import { REFRESH_JOB } from "./refresh";
import type { KpiFilterInput } from "@/lib/schemas/kpi-dashboards";

export type KpiFilters = { from: string; to: string; category: string; advisorId: string; requestType: string };

/** Default period: the last 12 months up to today's month. */
export function resolveFilters(input: KpiFilterInput, today: string): KpiFilters {
  const to = input.to ?? today.slice(0, 7);
  const from = input.from ?? addMonthsToMonth(to, -11);
  return { from, to, category: input.category ?? "", advisorId: input.advisor ?? "", requestType: input.type ?? "" };
}

export type IndicatorSummary = {
  id: string;
  unit: IndicatorDef["unit"];
  direction: IndicatorDef["direction"];
  value: number | null;
  count: number;
  target: number;
  onTrack: boolean | null;
  trend: { month: string; value: number | null; count: number }[];
};

type FactRow = { indicator: string; month: Date; count: bigint; numerator: bigint; denominator: bigint };

/** The advisor-less rollup unless an advisor is chosen (then the facts, through their advisor index). */
const factTable = (f: KpiFilters) => (f.advisorId ? `"KpiFact"` : `"KpiRollup"`);

async function readFacts(db: PrismaClient, f: KpiFilters, indicators: string[]): Promise<FactRow[]> {
  const params: unknown[] = [indicators, `${f.from}-01`, `${f.to}-01`];
  const where = [`indicator = any($1::text[])`, `month between $2::date and $3::date`];
  if (f.category) { params.push(f.category); where.push(`category = $${params.length}`); }
  if (f.advisorId) { params.push(f.advisorId); where.push(`"advisorId" = $${params.length}`); }
  if (f.requestType) { params.push(f.requestType); where.push(`"requestType" = $${params.length}`); }
  return db.$queryRawUnsafe<FactRow[]>(
    `select indicator, month, sum(count)::bigint as count, sum(numerator)::bigint as numerator, sum(denominator)::bigint as denominator
       from ${factTable(f)} where ${where.join(" and ")} group by indicator, month order by indicator, month`,
    ...params,
  );
}

/** Summaries of the given indicators (shared by the staff dashboard and the public page). */
async function summaries(db: PrismaClient, f: KpiFilters, defs: readonly IndicatorDef[]): Promise<IndicatorSummary[]> {
  const [rows, t] = await Promise.all([readFacts(db, f, defs.map((d) => d.id)), targets(db)]);
  const months = monthsBetween(`${f.from}-01`, `${f.to}-01`);
  return defs.map((def) => {
    const mine = rows.filter((r) => r.indicator === def.id).map((r) => ({ month: isoDate(r.month), count: Number(r.count), numerator: Number(r.numerator), denominator: Number(r.denominator) }));
    // debt_over_1y is a snapshot: its current value is the latest month's, not a sum over the period
    const current = def.id === "debt_over_1y" ? mine.slice(-1) : mine;
    const total = sumFacts(current);
    const value = indicatorValue(def.unit, total);
    const target = t.get(def.id) ?? def.defaultTarget;
    return {
      id: def.id, unit: def.unit, direction: def.direction, value, count: total.count, target, onTrack: onTrack(def.id, value, target),
      trend: months.map((m) => {
        const s = sumFacts(mine.filter((r) => r.month === m));
        return { month: m.slice(0, 7), value: indicatorValue(def.unit, s), count: s.count };
      }),
    };
  });
}

export type Dashboard = {
  filters: KpiFilters;
  indicators: IndicatorSummary[];
  outcomes: { requestType: string; status: string; count: number }[];
  workload: { advisorId: string; name: string; open: number; late: number; resolved: number }[];
  lastRefresh: { at: string; today: string } | null;
  options: { advisors: { id: string; name: string }[] };
};

export async function dashboardData(prisma: PrismaClient, input: KpiFilterInput, today: string): Promise<Dashboard> {
  const f = resolveFilters(input, today);
  const [indicators, outcomeRows, advisors, run, open, resolvedRows] = await Promise.all([
    summaries(prisma, f, INDICATORS),
    (() => {
      const params: unknown[] = [`${f.from}-01`, `${f.to}-01`];
      const where = [`indicator like '${OUTCOME_FACT_PREFIX}%'`, `month between $1::date and $2::date`];
      if (f.category) { params.push(f.category); where.push(`category = $${params.length}`); }
      if (f.advisorId) { params.push(f.advisorId); where.push(`"advisorId" = $${params.length}`); }
      if (f.requestType) { params.push(f.requestType); where.push(`"requestType" = $${params.length}`); }
      return prisma.$queryRawUnsafe<{ indicator: string; requestType: string; count: bigint }[]>(
        `select indicator, "requestType", sum(count)::bigint as count from ${factTable(f)} where ${where.join(" and ")} group by 1, 2 order by 2, 1`, ...params);
    })(),
    prisma.user.findMany({ where: { role: "ADVISOR" }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    prisma.jobRun.findFirst({ where: { job: REFRESH_JOB, status: "SUCCEEDED" }, orderBy: { startedAt: "desc" } }),
    prisma.$queryRawUnsafe<{ assigneeId: string; open: bigint; late: bigint }[]>(
      `select "assigneeId", count(*)::bigint as open, count(*) filter (where coalesce("decisionDueOn", "informationDueOn") < $1::date)::bigint as late
         from "Request" where "assigneeId" is not null and status in ('SUBMITTED','IN_REVIEW','INFORMATION_REQUESTED','AWAITING_SECOND_APPROVAL') group by 1`, today),
    prisma.$queryRawUnsafe<{ advisorId: string; count: bigint }[]>(
      `select "advisorId", sum(count)::bigint as count from "KpiFact" where indicator = 'advisor_resolved' and month between $1::date and $2::date group by 1`,
      `${f.from}-01`, `${f.to}-01`),
  ]);
  const openBy = new Map(open.map((o) => [o.assigneeId, o]));
  const resolvedBy = new Map(resolvedRows.map((r) => [r.advisorId, Number(r.count)]));
  return {
    filters: f,
    indicators,
    outcomes: outcomeRows.map((r) => ({ requestType: r.requestType, status: r.indicator.slice(OUTCOME_FACT_PREFIX.length), count: Number(r.count) })),
    workload: advisors
      .filter((a) => !f.advisorId || a.id === f.advisorId)
      .map((a) => ({ advisorId: a.id, name: a.name, open: Number(openBy.get(a.id)?.open ?? 0), late: Number(openBy.get(a.id)?.late ?? 0), resolved: resolvedBy.get(a.id) ?? 0 })),
    lastRefresh: run ? { at: run.startedAt.toISOString(), today: (run.params as { today?: string }).today ?? "" } : null,
    options: { advisors },
  };
}

export type DrillRow = { recordId: string; affiliateId: string | null; reference: string; on: string; month: string; ok: boolean | null; value: number | null; category: string; requestType: string; advisorId: string };

const DRILL_LIMIT = 500;

/** The dossiers behind one indicator's number over the filtered period, failures (late, not contacted…) first. */
export type Drilldown = { def: IndicatorDef; filters: KpiFilters; target: number; rows: DrillRow[]; total: number };

export async function drilldownData(prisma: PrismaClient, indicatorId: string, input: KpiFilterInput, today: string): Promise<Drilldown> {
  const def = indicatorDef(indicatorId);
  if (!def) throw new NotFoundError("indicator");
  const f = resolveFilters(input, today);
  const fromDay = `${f.from}-01`;
  const toDay = isoDate(new Date(Date.UTC(Number(f.to.slice(0, 4)), Number(f.to.slice(5, 7)), 0)));
  let observations: Observation[];
  const family = familyOf(def.id);
  const target = (await prisma.kpiTarget.findUnique({ where: { indicator: def.id } }))?.target ?? def.defaultTarget;
  if (family !== "ledger") {
    // requests, benefits, recovery: the observations the last refresh kept (they add up to the dashboard's number),
    // failures first — sorted and cut in the database
    const params: unknown[] = [def.id, fromDay, toDay];
    const where = [`indicator = $1`, `month between $2::date and $3::date`];
    if (f.category) { params.push(f.category); where.push(`category = $${params.length}`); }
    if (f.advisorId) { params.push(f.advisorId); where.push(`"advisorId" = $${params.length}`); }
    if (f.requestType) { params.push(f.requestType); where.push(`"requestType" = $${params.length}`); }
    let ok = "ok";
    if (def.unit === "days") { params.push(target); ok = `case when value is null then null else value <= $${params.length} end`; }
    const rows = await prisma.$queryRawUnsafe<{ recordId: string; affiliateId: string | null; reference: string; on: Date; month: Date; ok: boolean | null; value: number | null; category: string; requestType: string; advisorId: string; total: bigint }[]>(
      `select "recordId", "affiliateId", reference, "on", month, ${ok} as ok, value, category, "requestType", "advisorId", count(*) over () as total
         from "KpiObservation" where ${where.join(" and ")}
        order by coalesce(${ok}, true), value desc nulls last, reference limit ${DRILL_LIMIT}`,
      ...params,
    );
    return {
      def, filters: f, target, total: Number(rows[0]?.total ?? 0),
      rows: rows.map((r) => ({
        recordId: r.recordId, affiliateId: r.affiliateId, reference: r.reference, on: isoDate(r.on), month: isoDate(r.month).slice(0, 7),
        ok: r.ok, value: r.value, category: r.category, requestType: r.requestType, advisorId: r.advisorId,
      })),
    };
  } else if (def.id === "collection_rate") {
    observations = (await loadOpenCalls(prisma, { dueFrom: fromDay, dueTo: toDay, category: f.category || undefined, limit: DRILL_LIMIT })).flatMap((c) => collectionObservations(c, today));
  } else if (def.id === "debt_over_1y") {
    observations = (await loadOpenCalls(prisma, { dueFrom: "1900-01-01", dueTo: today, category: f.category || undefined, limit: DRILL_LIMIT })).flatMap((c) => collectionObservations(c, today));
  } else {
    // calls sent in time: list only the late ones (the others are the fund's routine)
    const rows = await prisma.$queryRawUnsafe<{ id: string; affiliateId: string; reference: string; category: string; issuedOn: Date; dueOn: Date; kind: "PROVISIONAL" | "REGULARISATION" | "COMPANY" }[]>(
      `select id, "affiliateId", "structuredCommunication" as reference, coalesce(category::text, 'COMPANY') as category, "issuedOn", "dueOn", kind::text as kind
         from "ContributionCall" where "issuedOn" between $1::date and $2::date and "dueOn" - "issuedOn" < 15 limit ${DRILL_LIMIT}`, fromDay, toDay);
    observations = rows.flatMap((r) => callObservations({ id: r.id, affiliateId: r.affiliateId, reference: r.reference, category: r.category, kind: r.kind, issuedOn: isoDate(r.issuedOn), dueOn: isoDate(r.dueOn) }));
  }
  const rows = observations
    .filter((o) => o.indicator === def.id && o.month >= fromDay && o.month <= toDay)
    .filter((o) => (!f.category || o.category === f.category) && (!f.advisorId || o.advisorId === f.advisorId) && (!f.requestType || o.requestType === f.requestType))
    .map((o) => ({
      recordId: o.recordId, affiliateId: o.affiliateId, reference: o.reference, on: o.on, month: o.month.slice(0, 7),
      ok: def.unit === "days" ? (o.value === null ? null : o.value <= target) : o.ok, value: o.value, category: o.category, requestType: o.requestType, advisorId: o.advisorId,
    }))
    .sort((a, b) => Number(a.ok ?? true) - Number(b.ok ?? true) || (b.value ?? 0) - (a.value ?? 0) || a.reference.localeCompare(b.reference));
  return { def, filters: f, target, rows: rows.slice(0, DRILL_LIMIT), total: rows.length };
}

function familyOf(id: string): "requests" | "benefits" | "recovery" | "ledger" {
  if (["requests_filed", "answer_45d", "decision_4m", "affiliation_days", "advisor_resolved"].includes(id)) return "requests";
  if (id.startsWith("benefit_")) return "benefits";
  if (id.endsWith("_before_judicial")) return "recovery";
  return "ledger";
}


export async function publicData(prisma: PrismaClient, today: string): Promise<{ indicators: IndicatorSummary[]; refreshedOn: string | null }> {
  const f = resolveFilters({}, today);
  const defs = (INDICATORS as readonly IndicatorDef[]).filter((d) => d.isPublic);
  const [indicators, run] = await Promise.all([
    summaries(prisma, f, defs),
    prisma.jobRun.findFirst({ where: { job: REFRESH_JOB, status: "SUCCEEDED" }, orderBy: { startedAt: "desc" } }),
  ]);
  return { indicators, refreshedOn: run ? brusselsDate(run.startedAt) : null };
}

export async function targets(db: PrismaClient): Promise<Map<string, number>> {
  const rows = await db.kpiTarget.findMany();
  return new Map(rows.map((r) => [r.indicator, r.target]));
}
