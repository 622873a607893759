// The dashboards' category filter uses the category in force on the event's date (CategoryPeriod), not the
// affiliate's current one: an affiliate who moved from COMPLEMENTARY to MAIN on 1 April 2026 counts as
// COMPLEMENTARY for what happened before and as MAIN after — in the facts, the dashboard and the drill-down.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { dbDate } from "@/prisma/factories";
import { prisma as appPrisma } from "@/lib/db/client";
import { getDashboard } from "@/lib/dal/dashboards/get-dashboard";
import { getIndicatorDrilldown } from "@/lib/dal/dashboards/get-indicator-drilldown";
import { refreshKpiNow } from "@/lib/dal/dashboards/refresh-kpi-now";
import type { RequestStatus, RequestType } from "@/lib/generated/prisma/enums";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));

const TODAY = "2026-11-28";
const at = (d: string) => new Date(`${d}T12:00:00.000Z`);
let seq = 0;

async function request(affiliateId: string, assigneeId: string, type: RequestType, filedOn: string, history: [RequestStatus, string][]) {
  seq++;
  const r = await prisma.request.create({
    data: { reference: `H-2026-${String(seq).padStart(6, "0")}`, type, status: history[history.length - 1][0], affiliateId, assigneeId, filedOn: dbDate(filedOn) },
  });
  let from: RequestStatus = "SUBMITTED";
  await prisma.requestEvent.create({ data: { requestId: r.id, at: at(filedOn), fromStatus: null, toStatus: "SUBMITTED" } });
  for (const [to, on] of history) {
    await prisma.requestEvent.create({ data: { requestId: r.id, at: at(on), fromStatus: from, toStatus: to } });
    from = to;
  }
  return r;
}

async function world() {
  const { viewer: manager } = await staffUser(prisma, "MANAGER");
  const { user: adv } = await staffUser(prisma, "ADVISOR");
  // moved: complementary activity from 2015, main occupation from 1 April 2026 (current category MAIN)
  const moved = await affiliateWithCall(prisma, "Moved");
  const affiliation = await prisma.affiliation.findFirstOrThrow({ where: { affiliateId: moved.affiliate.id }, include: { periods: true } });
  await prisma.categoryPeriod.update({ where: { id: affiliation.periods[0].id }, data: { category: "COMPLEMENTARY", toOn: dbDate("2026-03-31") } });
  await prisma.categoryPeriod.create({ data: { affiliationId: affiliation.id, category: "MAIN", fromOn: dbDate("2026-04-01") } });
  // stayed: main occupation throughout (a control: always MAIN)
  const stayed = await affiliateWithCall(prisma, "Stayed");
  const before = await request(moved.affiliate.id, adv.id, "QUESTION", "2026-02-02", [["IN_REVIEW", "2026-02-03"], ["CLOSED", "2026-02-10"]]);
  // filed while complementary, answered late (after 45 days) while main: bucketed on its answer date → MAIN
  const straddling = await request(moved.affiliate.id, adv.id, "QUESTION", "2026-03-02", [["IN_REVIEW", "2026-03-03"], ["CLOSED", "2026-05-20"]]);
  const after = await request(moved.affiliate.id, adv.id, "QUESTION", "2026-05-04", [["IN_REVIEW", "2026-05-05"], ["CLOSED", "2026-05-12"]]);
  const control = await request(stayed.affiliate.id, adv.id, "QUESTION", "2026-02-09", [["IN_REVIEW", "2026-02-10"], ["CLOSED", "2026-02-16"]]);
  // a benefit paid while complementary (February), one paid while main (August)
  const b1 = await prisma.benefitClaim.create({ data: { affiliateId: moved.affiliate.id, type: "BRIDGING_RIGHT", status: "PAID", filedOn: dbDate("2025-11-03"), paymentDueOn: dbDate("2026-03-03") } });
  await prisma.benefitPayment.create({ data: { claimId: b1.id, amountCents: 100_000, paidOn: dbDate("2026-02-20") } });
  const b2 = await prisma.benefitClaim.create({ data: { affiliateId: moved.affiliate.id, type: "MATERNITY_AID", status: "PAID", filedOn: dbDate("2026-05-04"), paymentDueOn: dbDate("2026-09-04") } });
  await prisma.benefitPayment.create({ data: { claimId: b2.id, amountCents: 100_000, paidOn: dbDate("2026-08-03") } });
  return { manager, before, straddling, after, control };
}

const indicator = (d: Awaited<ReturnType<typeof getDashboard>>, id: string) => d.indicators.find((i) => i.id === id)!;

describe("category filter: the category in force on the event's date", () => {
  it("counts each period's events in the category the affiliate had then", async () => {
    const w = await world();
    await refreshKpiNow(w.manager, TODAY);
    const period = { from: "2026-01", to: "2026-10" };
    const complementary = await getDashboard(w.manager, { ...period, category: "COMPLEMENTARY" }, TODAY);
    const main = await getDashboard(w.manager, { ...period, category: "MAIN" }, TODAY);
    // requests filed: February (complementary) → COMPLEMENTARY; March is still complementary too; May → MAIN; the control → MAIN
    expect(indicator(complementary, "requests_filed").count).toBe(2);
    expect(indicator(main, "requests_filed").count).toBe(2);
    // answers: February's (on time) complementary; the straddling one (late, answered in May) and May's main, plus the control
    expect(indicator(complementary, "answer_45d").count).toBe(1);
    expect(indicator(complementary, "answer_45d").value).toBe(1000);
    expect(indicator(main, "answer_45d").count).toBe(3);
    expect(indicator(main, "answer_45d").value).toBe(667);
    // month by month: February complementary, May main
    expect(indicator(complementary, "answer_45d").trend.find((t) => t.month === "2026-02")!.count).toBe(1);
    expect(indicator(complementary, "answer_45d").trend.find((t) => t.month === "2026-05")!.count).toBe(0);
    expect(indicator(main, "answer_45d").trend.find((t) => t.month === "2026-05")!.count).toBe(2);
    // benefits: paid in February while complementary, in August while main
    expect(indicator(complementary, "benefit_paid_4m").count).toBe(1);
    expect(indicator(main, "benefit_paid_4m").count).toBe(1);
    // the whole fund still sees everything once
    const all = await getDashboard(w.manager, period, TODAY);
    expect(indicator(all, "answer_45d").count).toBe(4);
    expect(indicator(all, "requests_filed").count).toBe(4);
  });

  it("the drill-down lists each dossier under the category of its date", async () => {
    const w = await world();
    await refreshKpiNow(w.manager, TODAY);
    const complementary = await getIndicatorDrilldown(w.manager, "answer_45d", { from: "2026-01", to: "2026-10", category: "COMPLEMENTARY" }, TODAY);
    expect(complementary.rows.map((r) => r.recordId)).toEqual([w.before.id]);
    expect(complementary.rows[0].category).toBe("COMPLEMENTARY");
    const main = await getIndicatorDrilldown(w.manager, "answer_45d", { from: "2026-01", to: "2026-10", category: "MAIN" }, TODAY);
    expect(main.rows.map((r) => r.recordId).sort()).toEqual([w.straddling.id, w.after.id, w.control.id].sort());
    // the late one first
    expect(main.rows[0]).toMatchObject({ recordId: w.straddling.id, ok: false });
  });
});
