import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate, isoDate } from "@/lib/clock";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { isValidBelgianIban, normalizeIban } from "@/lib/domain";
import { type MandateView } from "@/lib/dto/account";
import { isRetryable } from "@/lib/dal/internal/retry";
import { invalid, refused } from "@/lib/errors";

/** Records a PENDING direct-debit mandate on a valid Belgian IBAN, with a unique reference; one open mandate at a time. */
export async function requestDirectDebitMandate(viewer: Viewer | null, today: string, input: { iban: string }): Promise<MandateView> {
  const affiliateId = ownAffiliateId(viewer, "self");
  if (!isValidBelgianIban(input.iban)) throw invalid({ iban: ["invalidIban"] });
  const iban = normalizeIban(input.iban);
  const affiliate = await prisma.affiliate.findUnique({ where: { id: affiliateId }, select: { memberNumber: true } });
  if (!affiliate) throw new NotFoundError("affiliate");
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const created = await prisma.$transaction(
        async (tx) => {
          const open = await tx.directDebitMandate.count({ where: { affiliateId, status: { in: ["PENDING", "ACTIVE"] } } });
          if (open > 0) return null;
          const count = await tx.directDebitMandate.count({ where: { affiliateId } });
          const reference = `MDT-${affiliate.memberNumber}-${String(count + 1 + attempt).padStart(3, "0")}`;
          const m = await tx.directDebitMandate.create({
            data: { affiliateId, reference, iban, signedOn: dbDate(today), status: "PENDING" },
          });
          await tx.auditLog.create({
            data: { actorId: viewer!.userId, action: "mandate.request", entity: "DirectDebitMandate", entityId: m.id, details: { reference } },
          });
          return m;
        },
        { isolationLevel: "Serializable" },
      );
      if (!created) throw refused("alreadyRequested");
      return { id: created.id, reference: created.reference, iban: created.iban, status: created.status, signedOn: isoDate(created.signedOn) };
    } catch (error) {
      if (isRetryable(error)) continue;
      throw error;
    }
  }
  throw new Error("mandate reference: too many collisions");
}
