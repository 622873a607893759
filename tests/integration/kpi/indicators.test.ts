// Known event histories → exact indicator values, through the whole pipeline (events → refresh → KpiFact → dashboard),
// including the edge cases: paused clocks, reopened requests, requests still open past their deadline.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { dbDate, makeCommunication } from "@/prisma/factories";
import { prisma as appPrisma } from "@/lib/db/client";
import { getDashboard } from "@/lib/dal/dashboards/get-dashboard";
import { getIndicatorDrilldown } from "@/lib/dal/dashboards/get-indicator-drilldown";
import { getPublicPerformance } from "@/lib/dal/dashboards/get-public-performance";
import { refreshKpiNow } from "@/lib/dal/dashboards/refresh-kpi-now";
import { setKpiTarget } from "@/lib/dal/dashboards/set-kpi-target";
import { aggregate, collectionObservations } from "@/lib/kpi/compute";
import { loadCallCollections } from "@/lib/kpi/load";
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

async function request(affiliateId: string, assigneeId: string, type: RequestType, filedOn: string, history: [RequestStatus, string][], extra: { informationDueOn?: string; decisionDueOn?: string } = {}) {
  seq++;
  const status = history.length ? history[history.length - 1][0] : "SUBMITTED";
  const r = await prisma.request.create({
    data: {
      reference: `T-2026-${String(seq).padStart(6, "0")}`, type, status, affiliateId, assigneeId, filedOn: dbDate(filedOn),
      informationDueOn: extra.informationDueOn ? dbDate(extra.informationDueOn) : null, decisionDueOn: extra.decisionDueOn ? dbDate(extra.decisionDueOn) : null,
    },
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
  const a = await affiliateWithCall(prisma, "Alpha");
  const b = await affiliateWithCall(prisma, "Bravo");
  const { viewer: manager } = await staffUser(prisma, "MANAGER");
  const { user: advisorUser, viewer: advisor } = await staffUser(prisma, "ADVISOR");
  const adv = advisorUser.id;
  const reqs = {
    q1: await request(a.affiliate.id, adv, "QUESTION", "2026-09-01", [["IN_REVIEW", "2026-09-02"], ["CLOSED", "2026-09-20"]], { informationDueOn: "2026-10-16" }),
    q2: await request(a.affiliate.id, adv, "QUESTION", "2026-08-01", [["IN_REVIEW", "2026-08-02"]], { informationDueOn: "2026-09-15" }),
    // 30 days paused (information requested 1 April → 1 May): due 2 July becomes 1 August; decided 20 July = on time
    paused: await request(a.affiliate.id, adv, "REDUCTION", "2026-03-02", [["IN_REVIEW", "2026-03-03"], ["INFORMATION_REQUESTED", "2026-04-01"], ["IN_REVIEW", "2026-05-01"], ["ACCEPTED", "2026-07-20"]]),
    // still open past its deadline (1 October) → late
    open: await request(b.affiliate.id, adv, "EXEMPTION", "2026-06-01", [["IN_REVIEW", "2026-06-02"]], { decisionDueOn: "2026-10-01" }),
    // accepted in June, reopened in July and still open past 4 September → late, not on time
    reopened: await request(b.affiliate.id, adv, "PAYMENT_PLAN", "2026-05-04", [["IN_REVIEW", "2026-05-05"], ["ACCEPTED", "2026-06-01"], ["CLOSED", "2026-06-02"], ["IN_REVIEW", "2026-07-01"]]),
    aff1: await request(a.affiliate.id, adv, "AFFILIATION", "2026-10-01", [["IN_REVIEW", "2026-10-02"], ["ACCEPTED", "2026-10-11"]]),
    aff2: await request(b.affiliate.id, adv, "AFFILIATION", "2026-10-05", [["IN_REVIEW", "2026-10-06"], ["ACCEPTED", "2026-10-25"]]),
  };
  // benefits: paid late without interest; granted, unpaid past due; granted automatically and paid early
  const c1 = await prisma.benefitClaim.create({ data: { affiliateId: a.affiliate.id, type: "MATERNITY_AID", status: "PAID", filedOn: dbDate("2026-02-01"), paymentDueOn: dbDate("2026-06-30") } });
  await prisma.benefitPayment.create({ data: { claimId: c1.id, amountCents: 100_000, interestCents: 0, paidOn: dbDate("2026-07-10") } });
  await prisma.benefitClaim.create({ data: { affiliateId: b.affiliate.id, type: "BRIDGING_RIGHT", status: "GRANTED", filedOn: dbDate("2026-05-01"), paymentDueOn: dbDate("2026-09-30") } });
  const c3 = await prisma.benefitClaim.create({ data: { affiliateId: b.affiliate.id, type: "MATERNITY_AID", status: "PAID", grantedAutomatically: true, filedOn: dbDate("2026-04-01"), paymentDueOn: dbDate("2026-08-31") } });
  await prisma.benefitPayment.create({ data: { claimId: c3.id, amountCents: 50_000, paidOn: dbDate("2026-08-01") } });
  // recovery: A warned and contacted before the bailiff; B sent to the bailiff after a single reminder
  const k1 = await prisma.recoveryCase.create({ data: { affiliateId: a.affiliate.id, status: "JUDICIAL", currentStep: "BAILIFF", debtCents: 1000, oldestDueOn: dbDate("2025-12-31"), openedOn: dbDate("2026-01-10") } });
  const k2 = await prisma.recoveryCase.create({ data: { affiliateId: b.affiliate.id, status: "JUDICIAL", currentStep: "BAILIFF", debtCents: 1000, oldestDueOn: dbDate("2026-03-31"), openedOn: dbDate("2026-04-01") } });
  for (const [caseId, kind, on] of [
    [k1.id, "REMINDER", "2026-01-10"], [k1.id, "FORMAL_NOTICE", "2026-02-10"], [k1.id, "PERSONAL_CONTACT", "2026-03-01"], [k1.id, "BAILIFF", "2026-03-15"],
    [k2.id, "REMINDER", "2026-04-01"], [k2.id, "BAILIFF", "2026-05-01"],
  ] as const) await prisma.recoveryStep.create({ data: { caseId, kind, on: dbDate(on) } });
  // ledger: A pays the contribution of its Q1 2026 call but not the fee; B owes an old call (due 2025-03-31, issued 6 days before)
  const callEntry = await prisma.ledgerEntry.findFirstOrThrow({ where: { callId: a.call.id, kind: "CALL" } });
  const pay = await prisma.ledgerEntry.create({ data: { affiliateId: a.affiliate.id, kind: "PAYMENT", amountCents: -a.contribution.contributionCents, bookedOn: dbDate("2026-03-20"), reasonCode: "payment" } });
  await prisma.paymentAllocation.create({ data: { paymentEntryId: pay.id, targetEntryId: callEntry.id, amountCents: a.contribution.contributionCents } });
  const old = await prisma.contributionCall.create({
    data: { affiliateId: b.affiliate.id, kind: "PROVISIONAL", year: 2025, quarter: 1, category: "MAIN", contributionCents: 80_000, managementFeeCents: 2_440, totalCents: 82_440,
      structuredCommunication: makeCommunication("2511999001"), issuedOn: dbDate("2025-03-25"), dueOn: dbDate("2025-03-31"), breakdown: [] },
  });
  await prisma.ledgerEntry.create({ data: { affiliateId: b.affiliate.id, kind: "CALL", amountCents: 82_440, bookedOn: dbDate("2025-03-25"), callId: old.id, reasonCode: "call.provisional" } });
  return { a, b, manager, advisor, adv, reqs };
}

const value = (d: Awaited<ReturnType<typeof getDashboard>>, id: string) => d.indicators.find((i) => i.id === id)!.value;

describe("service-commitment indicators", () => {
  it("computes each indicator's exact value from the recorded events", async () => {
    const w = await world();
    const r = await refreshKpiNow(w.manager, TODAY);
    expect(r.full).toBe(true);
    const d = await getDashboard(w.manager, { from: "2025-01", to: "2026-11" }, TODAY);
    expect(value(d, "answer_45d")).toBe(500); // q1 on time, q2 open past 15 September
    expect(value(d, "decision_4m")).toBe(600); // paused ✓, open ✗, reopened ✗, aff1 ✓, aff2 ✓
    expect(value(d, "affiliation_days")).toBe(15); // (10 + 20) / 2
    expect(value(d, "requests_filed")).toBe(7);
    expect(value(d, "benefit_paid_4m")).toBe(333); // 1 of 3 (late payment, unpaid past due)
    expect(value(d, "benefit_interest")).toBe(0); // the late payment carried no interest
    expect(value(d, "benefit_automatic")).toBe(333);
    expect(value(d, "warned_before_judicial")).toBe(500);
    expect(value(d, "contact_before_judicial")).toBe(500);
    expect(value(d, "calls_on_time")).toBe(667); // A's and B's 2026 Q1 calls issued 89 days ahead, B's 2025 Q1 only 6
    const total = 2 * w.a.contribution.totalCents + 82_440;
    expect(value(d, "collection_rate")).toBe(Math.round((w.a.contribution.contributionCents * 1000) / total));
    // debt over a year: B's 824,40 € of 2025 over everything still open (A's fee, B's two calls)
    expect(value(d, "debt_over_1y")).toBe(Math.round((82_440 * 1000) / (82_440 + w.a.contribution.managementFeeCents + w.b.contribution.totalCents)));
    // the late open question lands in September (deadline passed on 15 September), the on-time answer too
    const answers = d.indicators.find((i) => i.id === "answer_45d")!.trend;
    expect(answers.find((p) => p.month === "2026-09")).toEqual({ month: "2026-09", value: 500, count: 2 });
    // requests per type and outcome; workload per advisor
    expect(d.outcomes).toContainEqual({ requestType: "AFFILIATION", status: "ACCEPTED", count: 2 });
    expect(d.workload).toEqual([{ advisorId: w.adv, name: "advisor", open: 3, late: 2, resolved: 4 }]);
  });

  it("the set-based ledger refresh equals the pure computation", async () => {
    const w = await world();
    await refreshKpiNow(w.manager, TODAY);
    const calls = await loadCallCollections(prisma, { dueFrom: "2025-01-01", dueTo: TODAY });
    const facts = aggregate(calls.flatMap((c) => collectionObservations(c, TODAY))).filter((f) => f.indicator === "collection_rate");
    const stored = await prisma.kpiFact.findMany({ where: { indicator: "collection_rate" }, orderBy: { month: "asc" } });
    expect(stored.map((s) => [s.month.toISOString().slice(0, 10), s.category, s.count, Number(s.numerator), Number(s.denominator)])).toEqual(
      facts.map((f) => [f.month, f.category, f.count, f.numerator, f.denominator]),
    );
    expect(stored.length).toBe(2);
  });

  it("filters by category, advisor and request type", async () => {
    const w = await world();
    await refreshKpiNow(w.manager, TODAY);
    const byType = await getDashboard(w.manager, { from: "2025-01", to: "2026-11", type: "AFFILIATION" }, TODAY);
    expect(value(byType, "decision_4m")).toBe(1000);
    const other = await getDashboard(w.manager, { from: "2025-01", to: "2026-11", advisor: "nobody" }, TODAY);
    expect(value(other, "decision_4m")).toBeNull();
    const period = await getDashboard(w.manager, { from: "2026-10", to: "2026-10" }, TODAY);
    expect(value(period, "decision_4m")).toBe(667); // open (late since 2 October) ✗, aff1 ✓, aff2 ✓
  });

  it("drills down to the dossiers behind a number, late ones first", async () => {
    const w = await world();
    // the drill-down lists what the last refresh counted (so that it adds up to the number shown)
    expect((await getIndicatorDrilldown(w.manager, "decision_4m", { from: "2025-01", to: "2026-11" }, TODAY)).total).toBe(0);
    await refreshKpiNow(w.manager, TODAY);
    const dd = await getIndicatorDrilldown(w.manager, "decision_4m", { from: "2025-01", to: "2026-11" }, TODAY);
    expect(dd.total).toBe(5);
    expect(dd.rows.slice(0, 2).map((r) => r.reference).sort()).toEqual([w.reqs.open.reference, w.reqs.reopened.reference].sort());
    expect(dd.rows.slice(0, 2).every((r) => r.ok === false)).toBe(true);
    expect(dd.rows.find((r) => r.reference === w.reqs.paused.reference)?.ok).toBe(true);
    expect(dd.rows[0].affiliateId).toBe(w.b.affiliate.id);
  });

  it("refreshes incrementally: only the months touched since the last refresh", async () => {
    const w = await world();
    await refreshKpiNow(w.manager, TODAY);
    const before = await prisma.kpiFact.findMany({ where: { month: { lt: dbDate("2026-06-01") }, indicator: { in: ["decision_4m", "requests_filed"] } } });
    // the open exemption is decided on 20 September (before its 1 October deadline)
    await prisma.requestEvent.create({ data: { requestId: w.reqs.open.id, at: at("2026-09-20"), fromStatus: "IN_REVIEW", toStatus: "ACCEPTED" } });
    await prisma.request.update({ where: { id: w.reqs.open.id }, data: { status: "ACCEPTED" } });
    const r = await refreshKpiNow(w.manager, TODAY);
    expect(r.full).toBe(false);
    expect(r.requestMonths[0]).toBe("2026-06-01"); // the exemption was filed in June
    expect(r.requestMonths.at(-1)).toBe("2026-11-01");
    const after = await prisma.kpiFact.findMany({ where: { month: { lt: dbDate("2026-06-01") }, indicator: { in: ["decision_4m", "requests_filed"] } } });
    expect(after.map((f) => [f.id, f.refreshedAt.getTime()])).toEqual(before.map((f) => [f.id, f.refreshedAt.getTime()])); // untouched rows
    const d = await getDashboard(w.manager, { from: "2025-01", to: "2026-11" }, TODAY);
    expect(value(d, "decision_4m")).toBe(800);
    expect(value(d, "requests_filed")).toBe(7);
    // a third refresh with nothing new recomputes only the current month's window
    const r3 = await refreshKpiNow(w.manager, TODAY);
    expect(r3.requestMonths).toEqual(["2026-11-01"]);
    expect(value(await getDashboard(w.manager, { from: "2025-01", to: "2026-11" }, TODAY), "decision_4m")).toBe(800);
  });

  it("a request still open becomes late once its deadline passes, on the next day's refresh", async () => {
    const w = await world();
    const fresh = await request(w.a.affiliate.id, w.adv, "QUESTION", "2026-10-15", [["IN_REVIEW", "2026-10-16"]], { informationDueOn: "2026-11-29" });
    await refreshKpiNow(w.manager, TODAY);
    const d1 = await getDashboard(w.manager, { from: "2025-01", to: "2026-12" }, TODAY);
    expect(d1.indicators.find((i) => i.id === "answer_45d")!.count).toBe(2); // not yet due: not counted
    await refreshKpiNow(w.manager, "2026-11-30");
    const d2 = await getDashboard(w.manager, { from: "2025-01", to: "2026-12" }, "2026-11-30");
    expect(value(d2, "answer_45d")).toBe(333);
    const dd = await getIndicatorDrilldown(w.manager, "answer_45d", { from: "2026-11", to: "2026-11" }, "2026-11-30");
    expect(dd.rows.map((r) => [r.reference, r.ok])).toEqual([[fresh.reference, false]]);
  });

  it("uses the targets managers set, and the public page shows only public, aggregated indicators", async () => {
    const w = await world();
    await refreshKpiNow(w.manager, TODAY);
    let d = await getDashboard(w.manager, { from: "2025-01", to: "2026-11" }, TODAY);
    expect(d.indicators.find((i) => i.id === "decision_4m")).toMatchObject({ target: 950, onTrack: false });
    await setKpiTarget(w.manager, { indicator: "decision_4m", target: 600 });
    d = await getDashboard(w.manager, { from: "2025-01", to: "2026-11" }, TODAY);
    expect(d.indicators.find((i) => i.id === "decision_4m")).toMatchObject({ target: 600, onTrack: true });
    expect(d.indicators.find((i) => i.id === "affiliation_days")).toMatchObject({ target: 15, onTrack: true }); // lower is better
    const pub = await getPublicPerformance(null, TODAY);
    expect(pub.indicators.map((i) => i.id)).not.toContain("requests_filed");
    expect(pub.indicators.find((i) => i.id === "decision_4m")?.value).toBe(600);
    expect(JSON.stringify(pub)).not.toContain(w.reqs.open.reference);
    expect(JSON.stringify(pub)).not.toContain(w.a.affiliate.id);
  });
});
