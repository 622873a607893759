import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate, isoDate } from "@/lib/clock";
import { assertPermission, NotFoundError, ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { BackofficeError } from "@/lib/backoffice/errors";
import { charterPaymentDueOn, isIsoDate } from "@/lib/domain";

// Maternity aid (105 service vouchers, DOMAIN.md §3.1) is granted proactively: when the fund learns of a birth,
// the claim is OFFERED at once and the mother only confirms — the service commitment's "rights granted
// automatically". The voucher count comes from the year's legal parameters.

/** An advisor records a birth in a mother's dossier; the maternity aid is offered in the same transaction. Idempotent per date. */
export async function recordBirth(viewer: Viewer | null, input: { affiliateId: string; bornOn: string }, today: string) {
  assertPermission(viewer, "request:decide");
  if (!isIsoDate(input.bornOn) || input.bornOn > today) throw new BackofficeError("birthDateInvalid");
  const affiliate = await prisma.affiliate.findUnique({ where: { id: input.affiliateId }, select: { id: true, person: { select: { id: true, sex: true } } } });
  if (!affiliate) throw new NotFoundError("dossier");
  if (!affiliate.person || affiliate.person.sex !== "F") throw new BackofficeError("notAMother");
  const personId = affiliate.person.id;
  return prisma.$transaction(async (tx) => {
    const existing = await tx.birth.findFirst({ where: { personId, bornOn: dbDate(input.bornOn) } });
    if (existing) return { created: false };
    await tx.birth.create({ data: { personId, bornOn: dbDate(input.bornOn) } });
    await tx.benefitClaim.create({
      data: { affiliateId: affiliate.id, type: "MATERNITY_AID", status: "OFFERED", grantedAutomatically: true, filedOn: dbDate(today) },
    });
    await tx.auditLog.create({ data: { actorId: viewer.userId, action: "birth.record", entity: "Affiliate", entityId: affiliate.id, details: { bornOn: input.bornOn } } });
    return { created: true };
  });
}

export type BenefitOffer = { id: string; type: "MATERNITY_AID" | "BRIDGING_RIGHT" | "CAREGIVER_ALLOWANCE"; status: string; offeredOn: string | null; paymentDueOn: string | null };

/** The benefits offered to or granted to the caller. */
export async function listMyBenefits(viewer: Viewer | null): Promise<BenefitOffer[]> {
  const affiliateId = ownAffiliateId(viewer);
  const claims = await prisma.benefitClaim.findMany({ where: { affiliateId }, orderBy: { createdAt: "desc" } });
  return claims.map((c) => ({ id: c.id, type: c.type, status: c.status, offeredOn: c.filedOn ? isoDate(c.filedOn) : null, paymentDueOn: c.paymentDueOn ? isoDate(c.paymentDueOn) : null }));
}

/** The mother confirms the offered maternity aid: granted at once, vouchers due within the Charte's 4 months. */
export async function confirmMyMaternityAid(viewer: Viewer | null, claimId: string, today: string): Promise<void> {
  const affiliateId = ownAffiliateId(viewer);
  const claim = await prisma.benefitClaim.findFirst({ where: { id: claimId, affiliateId, type: "MATERNITY_AID" } });
  if (!claim) throw new NotFoundError("claim");
  if (claim.status !== "OFFERED") return; // already confirmed: nothing to do twice
  await prisma.$transaction([
    prisma.benefitClaim.update({ where: { id: claim.id }, data: { status: "GRANTED", paymentDueOn: dbDate(charterPaymentDueOn(today)) } }),
    prisma.auditLog.create({ data: { actorId: viewer!.userId, action: "benefit.confirm", entity: "BenefitClaim", entityId: claim.id } }),
  ]);
}
