import "server-only";
import { prisma } from "@/lib/db/client";
import { logStaffRead } from "@/lib/dal/internal/access-log";
import { isoDate } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { yearOf } from "@/lib/domain";
import { instalmentDueOn } from "@/lib/domain/calculate-benefit-interest";
import { grantOf, parametersOf, checkClaim, claimInclude, claimIdentity } from "@/lib/dal/internal/benefits";
import { type StaffClaimView } from "@/lib/dto/benefits";

export async function getClaimForStaff(viewer: Viewer | null, claimId: string, today: string): Promise<StaffClaimView> {
  assertPermission(viewer, "request:decide");
  const c = await prisma.benefitClaim.findUnique({ where: { id: claimId }, include: claimInclude });
  if (!c) throw new NotFoundError("claim");
  await logStaffRead(viewer, { affiliateId: c.affiliateId, action: "benefit.view", entity: "BenefitClaim", entityId: c.id, reason: "benefit" });
  const checked = c.status === "CLAIMED" ? await checkClaim(c, today) : null;
  const grant = grantOf(c.request?.payload);
  const paymentDueOn = c.paymentDueOn ? isoDate(c.paymentDueOn) : null;
  const params = c.type === "MATERNITY_AID" ? await parametersOf(yearOf(c.filedOn ? isoDate(c.filedOn) : today)) : null;
  const entitlementCents = grant && c.monthlyAmountCents !== null ? grant.months * c.monthlyAmountCents : null;
  const paidCents = c.payments.reduce((s, p) => s + p.amountCents, 0);
  const dueAt = (i: number) => (paymentDueOn ? (grant ? instalmentDueOn({ paymentDueOn, firstMonthOn: grant.firstMonthOn, index: i }) : paymentDueOn) : "");
  return {
    ...claimIdentity(c),
    paymentDueOn,
    monthlyAmountCents: c.monthlyAmountCents,
    request: c.request
      ? { id: c.request.id, reference: c.request.reference, status: c.request.status, payload: (c.request.payload ?? {}) as Record<string, unknown>, filedOn: isoDate(c.request.filedOn), decisionDueOn: c.request.decisionDueOn ? isoDate(c.request.decisionDueOn) : null }
      : null,
    evidence: (c.request?.documents ?? []).map((d) => ({ id: d.id, fileName: d.fileName, createdAt: d.createdAt.toISOString() })),
    check: checked?.check ?? null,
    parameterYear: checked?.year ?? yearOf(today),
    grant,
    entitlementCents,
    paidCents,
    interestCents: c.payments.reduce((s, p) => s + p.interestCents, 0),
    vouchers: params?.benefits.maternityServiceVouchers.value ?? null,
    nextInstalmentDueOn: c.status === "GRANTED" && paymentDueOn ? dueAt(c.payments.length) : null,
    canGrant: checked !== null && checked.check.eligible && checked.check.monthlyAmountCents !== null && checked.check.months > 0,
    canPay: c.status === "GRANTED" && paymentDueOn !== null,
    payments: c.payments.map((p, i) => ({ id: p.id, amountCents: p.amountCents, interestCents: p.interestCents, paidOn: isoDate(p.paidOn), dueOn: dueAt(i), sentToHealthInsurerAt: p.sentToHealthInsurerAt?.toISOString() ?? null })),
  };
}
