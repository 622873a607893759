import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate, isoDate } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { compareDates, DomainError, isIsoDate, yearOf } from "@/lib/domain";
import { calculateBenefitInterest, instalmentDueOn } from "@/lib/domain/calculate-benefit-interest";
import type { ParameterSet } from "@/lib/domain/parameters/types";
import { grantOf, parametersOf } from "@/lib/dal/internal/benefits";
import { NotFoundError, refused } from "@/lib/errors";

/**
 * Records one payment of a granted claim. Interest (Charte art. 20) is computed when it is paid after its
 * instalment's due date, at the legal rate of the reference table; a missing rate refuses the payment. The claim
 * becomes PAID when its entitlement is fully paid (maternity aid: when the vouchers are delivered, amount 0).
 */
export async function recordBenefitPayment(
  viewer: Viewer | null,
  input: { claimId: string; amountCents: number; paidOn: string; /** payments on the claim when the form was shown */ recorded: number },
  today: string,
): Promise<{ interestCents: number; daysLate: number; claimPaid: boolean }> {
  assertPermission(viewer, "request:decide");
  if (!isIsoDate(input.paidOn) || compareDates(input.paidOn, today) > 0) throw refused("bnPaidOnInvalid");
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents < 0) throw refused("bnAmountInvalid");
  return prisma.$transaction(async (tx) => {
    // one payment at a time per claim: the row lock serialises concurrent submissions
    await tx.$queryRaw`SELECT id FROM "BenefitClaim" WHERE id = ${input.claimId} FOR UPDATE`;
    const c = await tx.benefitClaim.findUnique({ where: { id: input.claimId }, include: { payments: { orderBy: [{ paidOn: "asc" }, { id: "asc" }] }, request: { select: { payload: true } } } });
    if (!c) throw new NotFoundError("claim");
    if (c.status !== "GRANTED" || !c.paymentDueOn) throw refused("bnNotGranted");
    const paymentDueOn = isoDate(c.paymentDueOn);
    // the form says how many payments it saw: a resubmission (or a colleague's payment in between) is refused, while
    // two real payments of the same amount on the same day (two months at once) can each be recorded
    if (c.payments.length !== input.recorded) throw refused("bnDuplicatePayment");
    let claimPaid: boolean;
    let dueOn = paymentDueOn;
    if (c.type === "MATERNITY_AID") {
      if (input.amountCents !== 0) throw refused("bnVouchersNoAmount");
      claimPaid = true;
    } else {
      const grant = grantOf(c.request?.payload);
      if (!grant || c.monthlyAmountCents === null) throw refused("bnNotGranted");
      if (input.amountCents === 0) throw refused("bnAmountInvalid");
      const entitlement = grant.months * c.monthlyAmountCents;
      const paid = c.payments.reduce((s, p) => s + p.amountCents, 0);
      if (paid + input.amountCents > entitlement) throw refused("bnOverpaid");
      claimPaid = paid + input.amountCents === entitlement;
      dueOn = instalmentDueOn({ paymentDueOn, firstMonthOn: grant.firstMonthOn, index: c.payments.length });
    }
    const years = new Map<number, ParameterSet | null>();
    for (let y = yearOf(dueOn); y <= yearOf(input.paidOn); y++) years.set(y, compareDates(input.paidOn, dueOn) > 0 ? await parametersOf(y) : null);
    let interest;
    try {
      interest = calculateBenefitInterest({
        amountCents: input.amountCents,
        dueOn,
        paidOn: input.paidOn,
        rateFor: (y) => years.get(y)?.benefits.legalInterestRateBp ?? { unit: "bp", value: null, source: "", status: "missing" },
      });
    } catch (error) {
      if (error instanceof DomainError && error.code === "parameters.missing") throw refused("bnInterestRateMissing");
      throw error;
    }
    const payment = await tx.benefitPayment.create({ data: { claimId: c.id, amountCents: input.amountCents, interestCents: interest.interestCents, paidOn: dbDate(input.paidOn) } });
    if (claimPaid) await tx.benefitClaim.update({ where: { id: c.id }, data: { status: "PAID" } });
    await tx.auditLog.create({
      data: { actorId: viewer.userId, action: "benefit.payment", entity: "BenefitClaim", entityId: c.id, details: { paymentId: payment.id, amountCents: input.amountCents, paidOn: input.paidOn, dueOn, daysLate: interest.daysLate, interestCents: interest.interestCents } },
    });
    return { interestCents: interest.interestCents, daysLate: interest.daysLate, claimPaid };
  });
}
