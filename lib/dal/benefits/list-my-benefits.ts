import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { instalmentDueOn } from "@/lib/domain/calculate-benefit-interest";
import { type BenefitOffer } from "@/lib/dto/benefits";
import { grantOf } from "@/lib/dal/internal/benefits";

/** The benefits offered to or granted to the caller, with what was paid (and any late interest). */
export async function listMyBenefits(viewer: Viewer | null): Promise<BenefitOffer[]> {
  const affiliateId = ownAffiliateId(viewer);
  const claims = await prisma.benefitClaim.findMany({
    where: { affiliateId },
    orderBy: { createdAt: "desc" },
    include: { payments: { orderBy: { paidOn: "asc" } }, request: { select: { reference: true, payload: true } } },
  });
  return claims.map((c) => {
    const months = grantOf(c.request?.payload)?.months ?? null;
    const paidCents = c.payments.reduce((s, p) => s + p.amountCents, 0);
    const last = c.payments.at(-1);
    const entitlement = months !== null && c.monthlyAmountCents !== null ? months * c.monthlyAmountCents : null;
    const nextPayment =
      c.status === "GRANTED" && c.type !== "MATERNITY_AID" && entitlement !== null && c.monthlyAmountCents !== null && paidCents < entitlement && c.paymentDueOn
        ? { amountCents: Math.min(c.monthlyAmountCents, entitlement - paidCents), dueOn: dueOfInstalment(isoDate(c.paymentDueOn), c.request?.payload, c.payments.length) }
        : null;
    return {
      id: c.id,
      type: c.type,
      status: c.status,
      offeredOn: c.filedOn ? isoDate(c.filedOn) : null,
      paymentDueOn: c.paymentDueOn ? isoDate(c.paymentDueOn) : null,
      requestReference: c.request?.reference ?? null,
      monthlyAmountCents: c.monthlyAmountCents,
      months,
      paidCents,
      interestPaidCents: c.payments.reduce((s, p) => s + p.interestCents, 0),
      lastPaidOn: last ? isoDate(last.paidOn) : null,
      nextPayment,
    };
  });
}

function dueOfInstalment(paymentDueOn: string, payload: unknown, index: number): string {
  const g = grantOf(payload);
  return g ? instalmentDueOn({ paymentDueOn, firstMonthOn: g.firstMonthOn, index }) : paymentDueOn;
}
