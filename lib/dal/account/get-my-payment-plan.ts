import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { type MyPaymentPlan } from "@/lib/dto/account";

/**
 * The caller's payment plan in force, if any: each instalment with what is left to pay and whether it is paid, late
 * or to come; the next one to pay first. Bounded by the dossier (plan index on affiliate and status).
 */
export async function getMyPaymentPlan(viewer: Viewer | null, today: string): Promise<MyPaymentPlan | null> {
  const affiliateId = ownAffiliateId(viewer);
  const plan = await prisma.paymentPlan.findFirst({
    where: { affiliateId, status: "ACTIVE" },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      debtCents: true,
      startOn: true,
      request: { select: { reference: true } },
      instalments: { orderBy: { seq: "asc" }, select: { id: true, seq: true, dueOn: true, amountCents: true, paidCents: true, structuredCommunication: true, remindedOn: true } },
    },
  });
  if (!plan) return null;
  const instalments = plan.instalments
    .filter((i) => i.amountCents > 0)
    .map((i) => {
      const dueOn = isoDate(i.dueOn);
      const leftCents = Math.max(0, i.amountCents - i.paidCents);
      const state = leftCents === 0 ? ("paid" as const) : dueOn < today ? ("late" as const) : ("due" as const);
      return { id: i.id, seq: i.seq, dueOn, amountCents: i.amountCents, leftCents, structuredCommunication: i.structuredCommunication, state, remindedOn: i.remindedOn ? isoDate(i.remindedOn) : null };
    });
  const paidCents = plan.instalments.reduce((s, i) => s + Math.min(i.paidCents, i.amountCents), 0);
  return {
    id: plan.id,
    reference: plan.request?.reference ?? null,
    startOn: isoDate(plan.startOn),
    debtCents: plan.debtCents,
    leftCents: Math.max(0, plan.debtCents - paidCents),
    next: instalments.find((i) => i.state !== "paid") ?? null,
    instalments,
  };
}
