import "server-only";
import { prisma } from "@/lib/db/client";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";

/** The affiliate ends a mandate (active or asked) at once: from the next request on, the accountant's pages for this
 *  client answer 404. Revoking twice changes nothing; another affiliate's mandate is a 404. */
export async function revokeMyAccountantMandate(viewer: Viewer | null, id: string): Promise<void> {
  const affiliateId = ownAffiliateId(viewer, "self");
  const m = await prisma.accountantMandate.findFirst({ where: { id, affiliateId }, select: { id: true, status: true, accountantId: true } });
  if (!m) throw new NotFoundError("mandate");
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.accountantMandate.updateMany({ where: { id, status: { in: ["ACTIVE", "REQUESTED"] } }, data: { status: "REVOKED", revokedAt: new Date() } });
    if (count === 1)
      await tx.auditLog.create({ data: { actorId: viewer!.userId, action: "accountant-mandate.revoke", entity: "AccountantMandate", entityId: id, affiliateId, details: { accountantId: m.accountantId } } });
  });
}
