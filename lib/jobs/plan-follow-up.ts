// Payment plans followed up every day (the fund's policy, lib/domain/plan-follow-up.ts): a late instalment is
// reminded once (inbox and e-mail); still unpaid 15 days after the reminder, the plan is broken and the recovery it
// suspended resumes; a plan whose instalments are all paid is completed. Each plan is handled in its own
// transaction with conditional updates (a rerun, or a payment booked meanwhile, never reminds or breaks twice). The
// e-mails it queues leave with the outbox flush (a plain Node script sends nothing itself).
import { addDays, planFollowUp, PLAN_BREAK_AFTER_REMINDER_DAYS } from "@/lib/domain";
import { dbDate, isoDate } from "@/lib/clock";
import { notify } from "@/lib/dal/internal/notify";
import type { JobContext, JobDefinition, JobResult } from "./types";

type Tx = Parameters<Parameters<JobContext["prisma"]["$transaction"]>[0]>[0];

export async function runPlanFollowUp(ctx: JobContext): Promise<JobResult> {
  const { prisma, today } = ctx;
  const plans = await prisma.paymentPlan.findMany({
    where: { status: "ACTIVE" },
    orderBy: { id: "asc" },
    select: { id: true, affiliateId: true, instalments: { orderBy: { seq: "asc" }, select: { id: true, seq: true, dueOn: true, amountCents: true, paidCents: true, remindedOn: true } } },
  });
  const counts = { plans: plans.length, reminded: 0, broken: 0, completed: 0 };
  for (const [i, plan] of plans.entries()) {
    const instalments = plan.instalments.map((x) => ({ ...x, dueOn: isoDate(x.dueOn), remindedOn: x.remindedOn ? isoDate(x.remindedOn) : null }));
    const step = planFollowUp(instalments, today);
    if (step.action === "none") continue;
    if (step.action === "remind") counts.reminded += step.instalmentIds.length;
    else if (step.action === "broken") counts.broken++;
    else counts.completed++;
    if (ctx.dryRun) continue;
    await prisma.$transaction(async (tx) => {
      if (step.action === "remind") return remind(tx, plan.affiliateId, instalments.filter((x) => step.instalmentIds.includes(x.id)), today);
      if (step.action === "broken") return breakPlan(tx, plan, instalments.find((x) => x.id === step.instalmentId)!, step.remindedOn, today);
      return complete(tx, plan);
    });
    if (i % 100 === 99) await ctx.progress((i / plans.length) * 1000);
  }
  return { counts, totalCents: 0 };
}

async function remind(tx: Tx, affiliateId: string, late: { id: string; dueOn: string; amountCents: number; paidCents: number }[], today: string) {
  for (const x of late) {
    const { count } = await tx.instalment.updateMany({ where: { id: x.id, remindedOn: null }, data: { remindedOn: dbDate(today) } });
    if (count !== 1) continue;
    await notify(tx, {
      affiliateId,
      kind: "planReminder",
      values: { amountCents: x.amountCents - x.paidCents, dueOn: x.dueOn, deadlineOn: addDays(today, PLAN_BREAK_AFTER_REMINDER_DAYS) },
      path: "/me/pay",
      uniqueKey: `plan-reminder:${x.id}`,
    });
  }
}

async function breakPlan(tx: Tx, plan: { id: string; affiliateId: string }, missed: { dueOn: string }, remindedOn: string, today: string) {
  const { count } = await tx.paymentPlan.updateMany({ where: { id: plan.id, status: "ACTIVE" }, data: { status: "BROKEN", brokenOn: dbDate(today) } });
  if (count !== 1) return;
  // the recovery this plan suspended resumes (the cases it suspended carry its SUSPENDED step)
  const suspended = await tx.recoveryCase.findMany({ where: { affiliateId: plan.affiliateId, status: "SUSPENDED", steps: { some: { kind: "SUSPENDED", note: `plan:${plan.id}` } } }, select: { id: true } });
  for (const c of suspended) {
    const moved = await tx.recoveryCase.updateMany({ where: { id: c.id, status: "SUSPENDED" }, data: { status: "OPEN", currentStep: "RESUMED" } });
    if (moved.count === 1) await tx.recoveryStep.create({ data: { caseId: c.id, kind: "RESUMED", on: dbDate(today), note: `plan-broken:${plan.id}` } });
  }
  await tx.auditLog.create({ data: { action: "plan.broken", entity: "PaymentPlan", entityId: plan.id, affiliateId: plan.affiliateId, details: { missedDueOn: missed.dueOn, remindedOn, resumedCases: suspended.length } } });
  await notify(tx, { affiliateId: plan.affiliateId, kind: "planBroken", values: { dueOn: missed.dueOn, remindedOn, brokenOn: today }, path: "/me", uniqueKey: `plan-broken:${plan.id}` });
}

async function complete(tx: Tx, plan: { id: string; affiliateId: string }) {
  const { count } = await tx.paymentPlan.updateMany({ where: { id: plan.id, status: "ACTIVE" }, data: { status: "COMPLETED" } });
  if (count !== 1) return;
  await notify(tx, { affiliateId: plan.affiliateId, kind: "planCompleted", values: {}, path: "/me", uniqueKey: `plan-completed:${plan.id}` });
}

export const planFollowUpJob: JobDefinition = {
  name: "plan-follow-up",
  parse: () => ({}),
  run: (ctx) => runPlanFollowUp(ctx),
};
