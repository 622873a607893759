import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate } from "@/lib/clock";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { charterPaymentDueOn } from "@/lib/domain";

/** The mother confirms the offered maternity aid: granted at once, vouchers due within the Charte's 4 months. */
export async function confirmMyMaternityAid(viewer: Viewer | null, claimId: string, today: string): Promise<void> {
  const affiliateId = ownAffiliateId(viewer, "file");
  const claim = await prisma.benefitClaim.findFirst({ where: { id: claimId, affiliateId, type: "MATERNITY_AID" } });
  if (!claim) throw new NotFoundError("claim");
  if (claim.status !== "OFFERED") return; // already confirmed: nothing to do twice
  await prisma.$transaction([
    prisma.benefitClaim.update({ where: { id: claim.id }, data: { status: "GRANTED", paymentDueOn: dbDate(charterPaymentDueOn(today)) } }),
    prisma.auditLog.create({ data: { actorId: viewer!.userId, action: "benefit.confirm", entity: "BenefitClaim", entityId: claim.id } }),
  ]);
}
