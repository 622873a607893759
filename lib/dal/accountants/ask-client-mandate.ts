import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { notify } from "@/lib/dal/internal/notify";
import { deliverNotices } from "@/lib/dal/internal/deliver-notices";
import { isUniqueViolation } from "@/lib/dal/internal/retry";
import { invalid } from "@/lib/errors";

/**
 * An accountant asks a client (by national register number or enterprise number) for a mandate; the affiliate finds
 * the request in their portal and by e-mail, and accepts or refuses it. The accountant's answer is the same whether
 * the number belongs to an affiliate of the fund or not, and whether a request is already waiting: asking tells
 * nothing about anyone.
 */
export async function askClientMandate(
  viewer: Viewer | null,
  today: string,
  input: { identifier: string; canFileRequests: boolean; receivesNotices: boolean; validUntil: string | null },
): Promise<void> {
  assertPermission(viewer, "portfolio:read");
  if (input.validUntil && input.validUntil < today) throw invalid({ validUntil: ["untilBeforeFrom"] });
  const accountant = await prisma.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { name: true, itaaNumber: true } });
  const client = await prisma.affiliate.findFirst({
    where: input.identifier.length === 11 ? { person: { niss: input.identifier } } : { company: { enterpriseNumber: input.identifier } },
    select: { id: true },
  });
  if (!client) return;
  let key: string | null = null;
  try {
    key = await prisma.$transaction(async (tx) => {
      const m = await tx.accountantMandate.create({
        data: {
          affiliateId: client.id,
          accountantId: viewer.userId,
          canFileRequests: input.canFileRequests,
          receivesNotices: input.receivesNotices,
          validFrom: dbDate(today),
          validUntil: input.validUntil ? dbDate(input.validUntil) : null,
          status: "REQUESTED",
          askedByAccountant: true,
        },
        select: { id: true },
      });
      await tx.auditLog.create({ data: { actorId: viewer.userId, action: "accountant-mandate.ask", entity: "AccountantMandate", entityId: m.id, affiliateId: client.id, details: {} } });
      return notify(tx, {
        affiliateId: client.id,
        kind: "mandateAsked",
        values: { accountant: accountant.name, itaa: accountant.itaaNumber ?? "" },
        path: "/me/accountant",
        uniqueKey: `accountant-mandate:${m.id}:asked`,
      });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  await deliverNotices([key]);
}
