import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { prescription } from "@/lib/domain/prescription";
import { type RecoveryListItem } from "@/lib/dto/recovery";
import { nameOf, who } from "@/lib/dal/internal/recovery";

export async function listRecoveryCases(viewer: Viewer | null, today: string, filter: { affiliateId?: string } = {}): Promise<RecoveryListItem[]> {
  assertPermission(viewer, "recovery:manage");
  const rows = await prisma.recoveryCase.findMany({
    where: filter.affiliateId ? { affiliateId: filter.affiliateId } : { status: { in: ["OPEN", "SUSPENDED", "JUDICIAL"] } },
    include: { affiliate: { select: who } },
    orderBy: [{ oldestDueOn: "asc" }, { id: "asc" }],
    take: 500,
  });
  return rows.map((c) => {
    const p = prescription(isoDate(c.oldestDueOn), today);
    return {
      id: c.id,
      affiliateId: c.affiliateId,
      dossierName: nameOf(c.affiliate),
      memberNumber: c.affiliate.memberNumber,
      status: c.status,
      currentStep: c.currentStep,
      debtCents: c.debtCents,
      oldestDueOn: isoDate(c.oldestDueOn),
      prescribesOn: p.prescribesOn,
      prescription: p.state,
    };
  });
}
