import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { dossierName, dossierSelect } from "@/lib/dal/internal/benefits";
import { type UnsentPayment } from "@/lib/dto/benefits";

/** Payments whose data has not been sent to the health insurer yet, oldest first. */
export async function listPaymentsNotSent(viewer: Viewer | null): Promise<UnsentPayment[]> {
  assertPermission(viewer, "request:decide");
  const rows = await prisma.benefitPayment.findMany({
    where: { sentToHealthInsurerAt: null },
    orderBy: [{ paidOn: "asc" }, { id: "asc" }],
    take: 500,
    include: { claim: { select: { type: true, affiliate: { select: dossierSelect } } } },
  });
  return rows.map((p) => ({ id: p.id, claimId: p.claimId, type: p.claim.type, dossierName: dossierName(p.claim.affiliate), memberNumber: p.claim.affiliate.memberNumber, amountCents: p.amountCents, interestCents: p.interestCents, paidOn: isoDate(p.paidOn) }));
}
