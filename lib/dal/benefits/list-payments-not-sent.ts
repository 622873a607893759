import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { dossierName, dossierSelect } from "@/lib/dal/internal/benefits";
import { type UnsentPayment } from "@/lib/dto/benefits";
import { LIST_PAGE_SIZE, pageWindow, type Paged } from "@/lib/dto/paging";

/** One page of the payments whose data has not been sent to the health insurer yet, oldest first (counted and cut
 *  by the database, a stable order). */
export async function listPaymentsNotSent(viewer: Viewer | null, page = 1, pageSize = LIST_PAGE_SIZE): Promise<Paged<UnsentPayment>> {
  assertPermission(viewer, "request:decide");
  const where = { sentToHealthInsurerAt: null };
  const total = await prisma.benefitPayment.count({ where });
  const w = pageWindow(total, page, pageSize);
  const rows = await prisma.benefitPayment.findMany({
    where,
    orderBy: [{ paidOn: "asc" }, { id: "asc" }],
    skip: w.skip,
    take: w.take,
    include: { claim: { select: { type: true, affiliate: { select: dossierSelect } } } },
  });
  const items = rows.map((p) => ({ id: p.id, claimId: p.claimId, type: p.claim.type, dossierName: dossierName(p.claim.affiliate), memberNumber: p.claim.affiliate.memberNumber, amountCents: p.amountCents, interestCents: p.interestCents, paidOn: isoDate(p.paidOn) }));
  return { items, total, page: w.page, pageSize };
}
