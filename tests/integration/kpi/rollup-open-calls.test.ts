// The derived tables that keep the dashboards fast at national scale: KpiRollup (facts summed over advisors, what
// the dashboards read unless an advisor is chosen) and KpiOpenCall (the unpaid calls past due, what the debt
// drill-downs list and the debt snapshot sums). Both must equal what they summarise, after a full refresh and
// after incremental ones.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { dbDate, makeCommunication } from "@/prisma/factories";
import { prisma as appPrisma } from "@/lib/db/client";
import { getDashboard } from "@/lib/dal/dashboards/get-dashboard";
import { getIndicatorDrilldown } from "@/lib/dal/dashboards/get-indicator-drilldown";
import { refreshKpiNow } from "@/lib/dal/dashboards/refresh-kpi-now";
import { KPI_MODEL_VERSION, REFRESH_JOB } from "@/lib/kpi/refresh";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));

const TODAY = "2026-11-28";

async function rollupEqualsFacts() {
  const [diff] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(
    `select count(*)::bigint as n from (
       (select indicator, month, category, "requestType", sum(count)::int as count, sum(numerator) as numerator, sum(denominator) as denominator from "KpiFact" group by 1, 2, 3, 4
        except select indicator, month, category, "requestType", count, numerator, denominator from "KpiRollup")
       union all
       (select indicator, month, category, "requestType", count, numerator, denominator from "KpiRollup"
        except select indicator, month, category, "requestType", sum(count)::int, sum(numerator), sum(denominator) from "KpiFact" group by 1, 2, 3, 4)) d`);
  return Number(diff.n);
}

async function world() {
  const { viewer: manager } = await staffUser(prisma, "MANAGER");
  const { user: adv } = await staffUser(prisma, "ADVISOR");
  const a = await affiliateWithCall(prisma, "Alpha"); // Q1 2026 call (due 31 March), unpaid
  const b = await affiliateWithCall(prisma, "Bravo");
  // B also owes an old call (due 31 March 2025): over a year old
  const old = await prisma.contributionCall.create({
    data: { affiliateId: b.affiliate.id, kind: "PROVISIONAL", year: 2025, quarter: 1, category: "MAIN", contributionCents: 80_000, managementFeeCents: 2_440, totalCents: 82_440,
      structuredCommunication: makeCommunication("2511999002"), issuedOn: dbDate("2025-01-01"), dueOn: dbDate("2025-03-31"), breakdown: [] },
  });
  await prisma.ledgerEntry.create({ data: { affiliateId: b.affiliate.id, kind: "CALL", amountCents: 82_440, bookedOn: dbDate("2025-01-01"), callId: old.id, reasonCode: "call.provisional" } });
  for (const [affiliateId, filedOn, n] of [[a.affiliate.id, "2026-09-01", 1], [b.affiliate.id, "2026-09-03", 2]] as const) {
    const r = await prisma.request.create({ data: { reference: `R-2026-00000${n}`, type: "QUESTION", status: "CLOSED", affiliateId, assigneeId: adv.id, filedOn: dbDate(filedOn) } });
    await prisma.requestEvent.create({ data: { requestId: r.id, at: new Date(`${filedOn}T10:00:00Z`), fromStatus: null, toStatus: "SUBMITTED" } });
    await prisma.requestEvent.create({ data: { requestId: r.id, at: new Date("2026-09-10T10:00:00Z"), fromStatus: "SUBMITTED", toStatus: "CLOSED" } });
  }
  return { manager, adv, a, b, old };
}

describe("derived tables of the dashboards", () => {
  it("the rollup is the facts summed over advisors, after a full and an incremental refresh", async () => {
    const w = await world();
    expect((await refreshKpiNow(w.manager, TODAY)).full).toBe(true);
    expect(await prisma.kpiRollup.count()).toBeGreaterThan(0);
    expect(await rollupEqualsFacts()).toBe(0);
    const all = await getDashboard(w.manager, { from: "2026-09", to: "2026-09" }, TODAY);
    const mine = await getDashboard(w.manager, { from: "2026-09", to: "2026-09", advisor: w.adv.id }, TODAY);
    expect(all.indicators.find((i) => i.id === "answer_45d")!.count).toBe(2);
    expect(mine.indicators.find((i) => i.id === "answer_45d")!.count).toBe(2);
    // a third question, answered late in November: the incremental refresh rewrites its months in both tables
    const r = await prisma.request.create({ data: { reference: "R-2026-000003", type: "QUESTION", status: "SUBMITTED", affiliateId: w.a.affiliate.id, assigneeId: w.adv.id, filedOn: dbDate("2026-09-15") } });
    await prisma.requestEvent.create({ data: { requestId: r.id, at: new Date("2026-09-15T10:00:00Z"), fromStatus: null, toStatus: "SUBMITTED" } });
    const inc = await refreshKpiNow(w.manager, TODAY);
    expect(inc.full).toBe(false);
    expect(await rollupEqualsFacts()).toBe(0);
    const after = await getDashboard(w.manager, { from: "2026-09", to: "2026-11" }, TODAY);
    expect(after.indicators.find((i) => i.id === "requests_filed")!.count).toBe(3);
    expect(after.indicators.find((i) => i.id === "answer_45d")!.value).toBe(667); // still unanswered past 30 October
  });

  it("the debt drill-downs list the open calls of the last refresh, largest first; a payment removes one on the next refresh", async () => {
    const w = await world();
    await refreshKpiNow(w.manager, TODAY);
    const open = await prisma.kpiOpenCall.findMany({ orderBy: { callId: "asc" } });
    expect(open.map((o) => o.callId).sort()).toEqual([w.a.call.id, w.b.call.id, w.old.id].sort());
    expect(open.find((o) => o.callId === w.old.id)).toMatchObject({ outstandingCents: 82_440n, settledCents: 0n });
    const debt = await getIndicatorDrilldown(w.manager, "debt_over_1y", {}, TODAY);
    // the debt over a year first (the promise not kept), then the other open calls
    expect(debt.rows.map((row) => [row.recordId, row.ok, row.value])[0]).toEqual([w.old.id, false, 82_440]);
    expect(debt.rows.slice(1).map((row) => row.recordId).sort()).toEqual([w.a.call.id, w.b.call.id].sort());
    expect(debt.rows.slice(1).every((row) => row.ok === true && row.value === w.a.contribution.totalCents)).toBe(true);
    const q1 = await getIndicatorDrilldown(w.manager, "collection_rate", { from: "2026-03", to: "2026-03" }, TODAY);
    expect(q1.rows.map((row) => row.recordId).sort()).toEqual([w.a.call.id, w.b.call.id].sort());
    // A pays its whole Q1 call (contribution and fee)
    const pay = await prisma.ledgerEntry.create({ data: { affiliateId: w.a.affiliate.id, kind: "PAYMENT", amountCents: -w.a.contribution.totalCents, bookedOn: dbDate("2026-11-20"), reasonCode: "payment" } });
    for (const target of await prisma.ledgerEntry.findMany({ where: { callId: w.a.call.id } })) {
      await prisma.paymentAllocation.create({ data: { paymentEntryId: pay.id, targetEntryId: target.id, amountCents: target.amountCents } });
    }
    const inc = await refreshKpiNow(w.manager, TODAY);
    expect(inc.full).toBe(false);
    expect(inc.ledgerMonths).toContain("2026-03-01");
    expect((await prisma.kpiOpenCall.findMany()).map((o) => o.callId).sort()).toEqual([w.b.call.id, w.old.id].sort());
    const q1After = await getIndicatorDrilldown(w.manager, "collection_rate", { from: "2026-03", to: "2026-03" }, TODAY);
    expect(q1After.rows.map((row) => row.recordId)).toEqual([w.b.call.id]);
    // the debt snapshot follows: B's old call over everything still open
    const d = await getDashboard(w.manager, {}, TODAY);
    expect(d.indicators.find((i) => i.id === "debt_over_1y")!.value).toBe(Math.round((82_440 * 1000) / (82_440 + w.b.contribution.totalCents)));
    expect(await rollupEqualsFacts()).toBe(0);
  });

  it("a last refresh of an older model version makes the next one full (the derived tables get filled)", async () => {
    const w = await world();
    await prisma.jobRun.create({ data: { job: REFRESH_JOB, status: "SUCCEEDED", params: { today: TODAY, full: true }, finishedAt: new Date() } });
    const r = await refreshKpiNow(w.manager, TODAY);
    expect(r.full).toBe(true);
    expect(((await prisma.jobRun.findUniqueOrThrow({ where: { id: r.jobRunId } })).params as { version?: number }).version).toBe(KPI_MODEL_VERSION);
    expect((await refreshKpiNow(w.manager, TODAY)).full).toBe(false);
  });
});
