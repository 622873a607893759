// End of activity (issue #18 part 2), on a real PostgreSQL: the affiliate files the last day of activity (checked
// against their own affiliation, one pending report at a time, another dossier's request is not found), the advisor
// accepts it — the affiliation ends, its category period closes, the calls already issued for quarters after the end
// are credited, the quarterly run bills nothing after it, the affiliate gets the decision letter and a notice — once,
// even when two advisors accept at once.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { dbDate } from "@/prisma/factories";
import { requestMyEndOfActivity } from "@/lib/dal/requests/request-my-end-of-activity";
import { getMyEndOfActivityOptions } from "@/lib/dal/requests/get-my-end-of-activity-options";
import { getMyRequest } from "@/lib/dal/requests/get-my-request";
import { decideRequest } from "@/lib/dal/requests/decide-request";
import { outstandingByCall } from "@/lib/dal/internal/owed";
import { quarterlyCallsJob } from "@/lib/jobs/quarterly-calls";
import { runJob } from "@/lib/jobs/runner";
import { NotFoundError } from "@/lib/errors";
import { prisma as appPrisma } from "@/lib/db/client";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));

const TODAY = "2026-05-10";

/** A dossier in main occupation since 2015 with its Q1 2026 call, plus Q2 and Q3 2026 issued (Q3 in advance). */
async function dossier(name: string) {
  const a = await affiliateWithCall(prisma, name);
  await prisma.fund.upsert({ where: { id: 1 }, update: {}, create: { name: "Caisse test", iban: "BE71096123456769", bic: "GKCCBEBB", creditorId: "BE69ZZZ0123456789", managementFeeBp: 305, address: "Rue 1, 1000 Bruxelles", phone: "02 000 00 00", email: "info@test.be" } });
  await prisma.incomeRecord.create({ data: { personId: a.person.id, year: 2023, incomeCents: 4_000_000n, source: "seed" } });
  const c = a.contribution;
  const extra = [];
  for (const quarter of [2, 3]) {
    const call = await prisma.contributionCall.create({
      data: {
        affiliateId: a.affiliate.id, kind: "PROVISIONAL", year: 2026, quarter, category: "MAIN", incomeBaseCents: 4_000_000n, incomeYear: 2023,
        contributionCents: c.contributionCents, managementFeeCents: c.managementFeeCents, totalCents: c.totalCents,
        structuredCommunication: a.call.structuredCommunication.slice(0, 3) + String(quarter) + a.call.structuredCommunication.slice(4, 10) + "00",
        issuedOn: dbDate(quarter === 2 ? "2026-04-01" : "2026-05-01"), dueOn: dbDate(quarter === 2 ? "2026-06-30" : "2026-09-30"), breakdown: c.breakdown as never,
      },
    });
    await prisma.ledgerEntry.createMany({
      data: [
        { affiliateId: a.affiliate.id, kind: "CALL", amountCents: c.contributionCents, bookedOn: call.issuedOn, callId: call.id, reasonCode: "call.provisional", reasonParams: { year: 2026, quarter } },
        { affiliateId: a.affiliate.id, kind: "FEE", amountCents: c.managementFeeCents, bookedOn: call.issuedOn, callId: call.id, reasonCode: "call.managementFee", reasonParams: {} },
      ],
    });
    extra.push(call);
  }
  return { ...a, q2: extra[0], q3: extra[1] };
}

describe("filing an end of activity", () => {
  it("files the last day for the advisor with the effect shown, and refuses a second report or a date out of bounds", async () => {
    const d = await dossier("Stop");
    const options = await getMyEndOfActivityOptions(d.viewer, TODAY);
    expect(options).toMatchObject({ kind: "open", affiliationStartOn: "2015-01-01" });
    await expect(requestMyEndOfActivity(d.viewer, TODAY, { lastDayOn: "2014-12-31", motivation: "" })).rejects.toMatchObject({ fieldErrors: { lastDayOn: ["endOfActivity-before-start"] } });
    await expect(requestMyEndOfActivity(d.viewer, TODAY, { lastDayOn: "2026-09-01", motivation: "" })).rejects.toMatchObject({ fieldErrors: { lastDayOn: ["endOfActivity-too-far-ahead"] } });
    const filed = await requestMyEndOfActivity(d.viewer, TODAY, { lastDayOn: "2026-04-15", motivation: "Départ à l'étranger" });
    const r = await prisma.request.findUniqueOrThrow({ where: { reference: filed.reference } });
    expect(r).toMatchObject({ type: "END_OF_ACTIVITY", status: "SUBMITTED", affiliateId: d.affiliate.id });
    expect(r.payload).toMatchObject({ lastDayOn: "2026-04-15", lastQuarter: { year: 2026, quarter: 2 }, cancelledQuarters: [{ year: 2026, quarter: 3 }], noCallsFrom: { year: 2026, quarter: 3 } });
    expect(filed.decisionDueOn).toBe("2026-09-10");
    // nothing changes before the decision
    expect((await prisma.affiliation.findFirstOrThrow({ where: { affiliateId: d.affiliate.id } })).endOn).toBeNull();
    await expect(requestMyEndOfActivity(d.viewer, TODAY, { lastDayOn: "2026-04-30", motivation: "" })).rejects.toMatchObject({ code: "alreadyPending" });
    expect(await getMyEndOfActivityOptions(d.viewer, TODAY)).toEqual({ kind: "pending", reference: filed.reference });
  });

  it("another affiliate's report is not found; staff cannot file one", async () => {
    const d = await dossier("Owner");
    const other = await dossier("Other");
    const filed = await requestMyEndOfActivity(d.viewer, TODAY, { lastDayOn: "2026-04-15", motivation: "" });
    await expect(getMyRequest(other.viewer, filed.reference)).rejects.toBeInstanceOf(NotFoundError);
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR", "anna");
    await expect(requestMyEndOfActivity(advisor, TODAY, { lastDayOn: "2026-04-15", motivation: "" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMyEndOfActivityOptions(null, TODAY)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("an accepted end of activity", () => {
  it("ends the affiliation, credits the calls after the end, stops the run and writes the letter", async () => {
    const d = await dossier("Ended");
    const filed = await requestMyEndOfActivity(d.viewer, TODAY, { lastDayOn: "2026-04-15", motivation: "" });
    const r = await prisma.request.findUniqueOrThrow({ where: { reference: filed.reference } });
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR", "anna");
    await decideRequest(advisor, { requestId: r.id, decision: "start-review", reasonCode: "", text: "" }, "2026-05-11");
    await decideRequest(advisor, { requestId: r.id, decision: "accept", reasonCode: "accepted", text: "Radiation BCE reçue" }, "2026-05-12");

    const affiliation = await prisma.affiliation.findFirstOrThrow({ where: { affiliateId: d.affiliate.id }, include: { periods: true } });
    expect(affiliation.status).toBe("ENDED");
    expect(affiliation.endOn?.toISOString().slice(0, 10)).toBe("2026-04-15");
    expect(affiliation.periods.map((p) => p.toOn?.toISOString().slice(0, 10))).toEqual(["2026-04-15"]);
    // Q2 (the quarter of the end) stays due in full; Q3 (after the end) is cancelled by credits
    const owed = await outstandingByCall(d.affiliate.id);
    expect(owed.get(d.q2.id)).toBe(d.contribution.totalCents);
    expect(owed.get(d.q3.id) ?? 0).toBe(0);
    const credits = await prisma.ledgerEntry.findMany({ where: { affiliateId: d.affiliate.id, kind: "ADJUSTMENT" }, orderBy: { reasonCode: "asc" } });
    expect(credits.map((e) => [e.callId, e.reasonCode, e.amountCents])).toEqual([
      [d.q3.id, "endOfActivity.contribution", -d.contribution.contributionCents],
      [d.q3.id, "endOfActivity.managementFee", -d.contribution.managementFeeCents],
    ]);
    // the letter and the notice
    expect(await prisma.document.count({ where: { requestId: r.id, kind: "DECISION" } })).toBe(1);
    expect(await prisma.notification.count({ where: { affiliateId: d.affiliate.id, uniqueKey: `decision:${r.id}` } })).toBe(1);
    // the quarterly run bills no quarter after the end
    const run = await runJob(quarterlyCallsJob, { quarter: "2026-Q4" }, { prisma, today: "2026-10-01" });
    expect(run.ok).toBe(true);
    expect(await prisma.contributionCall.count({ where: { affiliateId: d.affiliate.id, year: 2026, quarter: 4 } })).toBe(0);
    // and no second report is possible
    expect(await getMyEndOfActivityOptions(d.viewer, "2026-05-12")).toEqual({ kind: "no-affiliation" });
  });

  it("two advisors accepting at once: one decision, one set of credits, one letter", async () => {
    const d = await dossier("Twice");
    const filed = await requestMyEndOfActivity(d.viewer, TODAY, { lastDayOn: "2026-04-15", motivation: "" });
    const r = await prisma.request.update({ where: { reference: filed.reference }, data: { status: "IN_REVIEW" } });
    const { viewer: anna } = await staffUser(prisma, "ADVISOR", "anna");
    const { viewer: bert } = await staffUser(prisma, "ADVISOR", "bert");
    const input = { requestId: r.id, decision: "accept" as const, reasonCode: "accepted", text: "" };
    const results = await Promise.allSettled([decideRequest(anna, input, "2026-05-12"), decideRequest(bert, input, "2026-05-12")]);
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.ledgerEntry.count({ where: { affiliateId: d.affiliate.id, kind: "ADJUSTMENT" } })).toBe(2);
    expect(await prisma.document.count({ where: { requestId: r.id, kind: "DECISION" } })).toBe(1);
    expect(await prisma.requestEvent.count({ where: { requestId: r.id, toStatus: "ACCEPTED" } })).toBe(1);
  });

  it("a refusal (four eyes) leaves the affiliation and the calls as they were", async () => {
    const d = await dossier("Kept");
    const filed = await requestMyEndOfActivity(d.viewer, TODAY, { lastDayOn: "2026-04-15", motivation: "" });
    const r = await prisma.request.update({ where: { reference: filed.reference }, data: { status: "IN_REVIEW" } });
    const { viewer: anna } = await staffUser(prisma, "ADVISOR", "anna");
    const { viewer: bert } = await staffUser(prisma, "ADVISOR", "bert");
    await decideRequest(anna, { requestId: r.id, decision: "refuse", reasonCode: "conditionsNotMet", text: "Activité toujours inscrite" }, "2026-05-12");
    const { approveSecond } = await import("@/lib/dal/requests/approve-second");
    await approveSecond(bert, { requestId: r.id, approve: true, reason: "" }, "2026-05-13");
    expect(await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: "REFUSED" });
    expect(await prisma.affiliation.findFirstOrThrow({ where: { affiliateId: d.affiliate.id } })).toMatchObject({ status: "ACTIVE", endOn: null });
    expect(await prisma.ledgerEntry.count({ where: { affiliateId: d.affiliate.id, kind: "ADJUSTMENT" } })).toBe(0);
    expect(await prisma.document.count({ where: { requestId: r.id, kind: "DECISION" } })).toBe(1);
  });
});
