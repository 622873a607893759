import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { isIsoDate } from "@/lib/domain";
import { NotFoundError, refused } from "@/lib/errors";

// Maternity aid (105 service vouchers, docs/domain.md §9.1) is granted proactively: when the fund learns of a birth,
// the claim is OFFERED at once and the mother only confirms — the service commitment's "rights granted
// automatically". The voucher count comes from the year's legal parameters.

/** An advisor records a birth in a mother's dossier; the maternity aid is offered in the same transaction. Idempotent per date. */
export async function recordBirth(viewer: Viewer | null, input: { affiliateId: string; bornOn: string }, today: string) {
  assertPermission(viewer, "request:decide");
  if (!isIsoDate(input.bornOn) || input.bornOn > today) throw refused("birthDateInvalid");
  const affiliate = await prisma.affiliate.findUnique({ where: { id: input.affiliateId }, select: { id: true, person: { select: { id: true, sex: true } } } });
  if (!affiliate) throw new NotFoundError("dossier");
  if (!affiliate.person || affiliate.person.sex !== "F") throw refused("notAMother");
  const personId = affiliate.person.id;
  return prisma.$transaction(async (tx) => {
    // one birth row per mother and date (unique index): a second recording, even at the same moment, inserts
    // nothing and offers nothing
    const { count } = await tx.birth.createMany({ data: [{ personId, bornOn: dbDate(input.bornOn) }], skipDuplicates: true });
    if (count === 0) return { created: false };
    await tx.benefitClaim.create({
      data: { affiliateId: affiliate.id, type: "MATERNITY_AID", status: "OFFERED", grantedAutomatically: true, filedOn: dbDate(today) },
    });
    await tx.auditLog.create({ data: { actorId: viewer.userId, action: "birth.record", entity: "Affiliate", entityId: affiliate.id, details: { bornOn: input.bornOn } } });
    return { created: true };
  });
}
