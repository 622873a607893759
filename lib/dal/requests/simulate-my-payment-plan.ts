import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate } from "@/lib/clock";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { addDays, addMonths, checkPaymentPlanEligibility, decidePaymentPlan } from "@/lib/domain";
import { outstandingByCall } from "@/lib/dal/internal/owed";
import { planHistory } from "@/lib/dal/internal/payment-plans";
import { type PlanSimulation } from "@/lib/dto/requests";

/** Overdue debt of the caller (calls past their due date, still open) and the facts the plan policy needs. */
async function planContext(affiliateId: string, today: string) {
  const [calls, outstanding, history] = await Promise.all([
    prisma.contributionCall.findMany({ where: { affiliateId, dueOn: { lt: dbDate(today) } }, select: { id: true } }),
    outstandingByCall(affiliateId),
    planHistory(affiliateId, today),
  ]);
  const debtCents = calls.reduce((s, c) => s + Math.max(0, outstanding.get(c.id) ?? 0), 0);
  return { debtCents, ...history };
}

/**
 * What the fund's policy says about a plan in `months` instalments for the caller's overdue debt. The affiliate
 * commits to the required advance (instalment 0, due 15 days after filing), so it counts as the advance offered.
 */
export async function simulateMyPaymentPlan(viewer: Viewer | null, today: string, input: { months: number }): Promise<PlanSimulation> {
  const affiliateId = ownAffiliateId(viewer);
  const ctx = await planContext(affiliateId, today);
  const firstInstalmentOn = addMonths(today, 1);
  const advanceDueOn = addDays(today, 15);
  const request = { debtCents: ctx.debtCents, months: input.months, firstInstalmentOn };
  const eligibility = checkPaymentPlanEligibility(request, { ...ctx, advancePaidCents: 0 });
  const advance = eligibility.requiredAdvanceCents;
  const decision = decidePaymentPlan(request, { ...ctx, advancePaidCents: advance });
  return {
    debtCents: ctx.debtCents,
    requiredAdvanceCents: advance,
    months: input.months,
    advanceDueOn,
    firstInstalmentOn,
    eligible: decision.ok,
    refusals: decision.ok ? [] : decision.refusals,
    instalments: decision.ok ? decision.instalments : [],
  };
}
