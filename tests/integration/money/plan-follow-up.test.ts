// An accepted payment plan where one pays, and its follow-up (issue #13 parts 2 and 7), on a real PostgreSQL: the plan
// is on /me/pay's data with the next instalment first, its letter and notice reach the affiliate; a late instalment
// is reminded once, then the plan is broken and the recovery it suspended resumes; a paid-up plan is completed.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall } from "../helpers/fixtures";
import { dbDate } from "@/prisma/factories";
import { requestMyPaymentPlan } from "@/lib/dal/requests/request-my-payment-plan";
import { getMyPaymentPlan } from "@/lib/dal/account/get-my-payment-plan";
import { planFollowUpJob } from "@/lib/jobs/plan-follow-up";
import { runJob, type RunOutcome } from "@/lib/jobs/runner";
import { addDays } from "@/lib/domain";
import { prisma as appPrisma } from "@/lib/db/client";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));

const TODAY = "2026-05-04";

async function planInForce(name: string) {
  const a = await affiliateWithCall(prisma, name); // Q1 2026, due 31/03/2026, unpaid
  await prisma.person.update({ where: { id: a.person.id }, data: { email: `${name.toLowerCase()}@mail.test` } });
  const rc = await prisma.recoveryCase.create({ data: { affiliateId: a.affiliate.id, status: "OPEN", currentStep: "REMINDER", debtCents: a.contribution.totalCents, oldestDueOn: dbDate("2026-03-31"), openedOn: dbDate("2026-04-20") } });
  const filed = await requestMyPaymentPlan(a.viewer, TODAY, { months: 4 });
  expect(filed.status).toBe("ACCEPTED");
  return { ...a, rc, reference: filed.reference };
}

const counts = (o: RunOutcome) => {
  if (!o.ok) throw new Error(`${o.code} ${JSON.stringify(o.errors)}`);
  return o.result.counts;
};
const follow = async (today: string) => counts(await runJob(planFollowUpJob, {}, { prisma, today }));

describe("an accepted plan where one pays", () => {
  it("shows the next instalment first with its own communication, sends the letter and the notice", async () => {
    const a = await planInForce("Plan");
    const plan = (await getMyPaymentPlan(a.viewer, TODAY))!;
    expect(plan.reference).toBe(a.reference);
    expect(plan.leftCents).toBe(plan.debtCents);
    expect(plan.next).toMatchObject({ state: "due", leftCents: plan.instalments[0].amountCents });
    expect(new Set(plan.instalments.map((i) => i.structuredCommunication)).size).toBe(plan.instalments.length);
    const r = await prisma.request.findUniqueOrThrow({ where: { reference: a.reference } });
    expect(await prisma.document.count({ where: { requestId: r.id, kind: "DECISION" } })).toBe(1);
    const notice = await prisma.notification.findUniqueOrThrow({ where: { uniqueKey: `decision:${r.id}` } });
    expect(notice).toMatchObject({ affiliateId: a.affiliate.id, kind: "planAccepted", link: "/me/pay" });
    expect(notice.text).toMatch(/\d+,\d\d\s€/); // the first payment in euros, never cents
    const mail = await prisma.outboundEmail.findUniqueOrThrow({ where: { uniqueKey: `decision:${r.id}` } });
    expect(mail.to).toBe("plan@mail.test");
    expect(mail.text).toContain("/me/pay");
    // the recovery is suspended while the plan is respected; another affiliate sees no plan
    expect((await prisma.recoveryCase.findUniqueOrThrow({ where: { id: a.rc.id } })).status).toBe("SUSPENDED");
    const other = await affiliateWithCall(prisma, "Autre");
    expect(await getMyPaymentPlan(other.viewer, TODAY)).toBeNull();
  });
});

describe("the plan follow-up job", () => {
  it("reminds a late instalment once, then breaks the plan and resumes the recovery", async () => {
    const a = await planInForce("Late");
    const first = (await getMyPaymentPlan(a.viewer, TODAY))!.next!;
    expect((await follow(addDays(first.dueOn, 10)))).toMatchObject({ reminded: 0, broken: 0 });
    const remindOn = addDays(first.dueOn, 11);
    expect((await follow(remindOn))).toMatchObject({ reminded: 1 });
    expect((await follow(remindOn))).toMatchObject({ reminded: 0 }); // once
    const reminder = await prisma.notification.findUniqueOrThrow({ where: { uniqueKey: `plan-reminder:${first.id}` } });
    expect(reminder.kind).toBe("planReminder");
    expect(await prisma.outboundEmail.count({ where: { template: "notice.planReminder", affiliateId: a.affiliate.id } })).toBe(1);
    const late = (await getMyPaymentPlan(a.viewer, remindOn))!.next!;
    expect(late).toMatchObject({ state: "late", remindedOn: remindOn });

    expect((await follow(addDays(remindOn, 14)))).toMatchObject({ broken: 0 });
    const breakOn = addDays(remindOn, 15);
    expect((await follow(breakOn))).toMatchObject({ broken: 1 });
    const plan = await prisma.paymentPlan.findFirstOrThrow({ where: { affiliateId: a.affiliate.id } });
    expect(plan).toMatchObject({ status: "BROKEN", brokenOn: dbDate(breakOn) });
    const rc = await prisma.recoveryCase.findUniqueOrThrow({ where: { id: a.rc.id }, include: { steps: { orderBy: { id: "asc" } } } });
    expect(rc.status).toBe("OPEN");
    expect(rc.steps.map((s) => s.kind)).toEqual(["SUSPENDED", "RESUMED"]);
    expect(await prisma.notification.count({ where: { affiliateId: a.affiliate.id, kind: "planBroken" } })).toBe(1);
    expect(await getMyPaymentPlan(a.viewer, breakOn)).toBeNull();
    expect((await follow(breakOn))).toMatchObject({ plans: 0 });
  });

  it("completes a plan whose instalments are paid; a dry run writes nothing", async () => {
    const a = await planInForce("Paid");
    const plan = await prisma.paymentPlan.findFirstOrThrow({ where: { affiliateId: a.affiliate.id }, include: { instalments: true } });
    for (const i of plan.instalments) await prisma.instalment.update({ where: { id: i.id }, data: { paidCents: i.amountCents } });
    const dry = await runJob(planFollowUpJob, {}, { prisma, today: TODAY, dryRun: true });
    expect(counts(dry)).toMatchObject({ completed: 1 });
    expect((await prisma.paymentPlan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe("ACTIVE");
    await follow(TODAY);
    expect((await prisma.paymentPlan.findUniqueOrThrow({ where: { id: plan.id } })).status).toBe("COMPLETED");
    expect(await prisma.notification.count({ where: { affiliateId: a.affiliate.id, kind: "planCompleted" } })).toBe(1);
  });
});
