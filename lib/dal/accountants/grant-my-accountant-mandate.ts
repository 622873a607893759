import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate } from "@/lib/clock";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { invalid, refused } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/dal/internal/retry";

/**
 * The affiliate gives their accountant (found by ITAA number) access to their file: reading always, filing requests
 * and receiving the notices when ticked, from and until the dates chosen. One open mandate per accountant: a second
 * one (two clicks, two tabs) is refused by the database's partial unique index and answered "already given".
 */
export async function grantMyAccountantMandate(
  viewer: Viewer | null,
  today: string,
  input: { itaaNumber: string; canFileRequests: boolean; receivesNotices: boolean; validFrom: string; validUntil: string | null },
): Promise<{ id: string; accountantName: string }> {
  const affiliateId = ownAffiliateId(viewer, "self");
  if (input.validFrom < today) throw invalid({ validFrom: ["fromInPast"] });
  const accountant = await prisma.user.findFirst({ where: { itaaNumber: input.itaaNumber, role: "ACCOUNTANT", disabledAt: null }, select: { id: true, name: true } });
  if (!accountant) throw invalid({ itaaNumber: ["itaaUnknown"] });
  try {
    const m = await prisma.$transaction(async (tx) => {
      const created = await tx.accountantMandate.create({
        data: {
          affiliateId,
          accountantId: accountant.id,
          canFileRequests: input.canFileRequests,
          receivesNotices: input.receivesNotices,
          validFrom: dbDate(input.validFrom),
          validUntil: input.validUntil ? dbDate(input.validUntil) : null,
          status: "ACTIVE",
          decidedAt: new Date(),
        },
        select: { id: true },
      });
      await tx.auditLog.create({
        data: { actorId: viewer!.userId, action: "accountant-mandate.grant", entity: "AccountantMandate", entityId: created.id, affiliateId, details: { accountantId: accountant.id, canFileRequests: input.canFileRequests, receivesNotices: input.receivesNotices } },
      });
      return created;
    });
    return { id: m.id, accountantName: accountant.name };
  } catch (error) {
    if (isUniqueViolation(error)) throw refused("mandateOpen");
    throw error;
  }
}
