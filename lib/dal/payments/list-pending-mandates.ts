import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { logStaffReads } from "@/lib/dal/internal/access-log";
import { type PendingMandate } from "@/lib/dto/mandates";

/** Mandates waiting for an advisor's confirmation, oldest request first; each name listed is a logged read. */
export async function listPendingMandates(viewer: Viewer | null, limit = 100): Promise<PendingMandate[]> {
  assertPermission(viewer, "mandate:manage");
  const rows = await prisma.directDebitMandate.findMany({
    where: { status: "PENDING" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: Math.min(200, Math.max(1, limit)),
    include: { affiliate: { select: { id: true, memberNumber: true, person: { select: { firstName: true, lastName: true } }, company: { select: { name: true } } } } },
  });
  await logStaffReads(viewer, rows.map((m) => ({ affiliateId: m.affiliateId, action: "search.result" as const, entity: "DirectDebitMandate", entityId: m.id, reason: "mandate" })));
  return rows.map((m) => ({
    id: m.id, reference: m.reference, iban: m.iban, signedOn: isoDate(m.signedOn), requestedAt: m.createdAt.toISOString(),
    affiliateId: m.affiliate.id, memberNumber: m.affiliate.memberNumber,
    name: m.affiliate.person ? `${m.affiliate.person.firstName} ${m.affiliate.person.lastName}` : (m.affiliate.company?.name ?? m.affiliate.memberNumber),
  }));
}
