import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { type RecoveryListItem } from "@/lib/dto/recovery";
import { toRecoveryListItem, who } from "@/lib/dal/internal/recovery";

export async function listRecoveryCases(viewer: Viewer | null, today: string, filter: { affiliateId?: string } = {}): Promise<RecoveryListItem[]> {
  assertPermission(viewer, "recovery:manage");
  const rows = await prisma.recoveryCase.findMany({
    where: filter.affiliateId ? { affiliateId: filter.affiliateId } : { status: { in: ["OPEN", "SUSPENDED", "JUDICIAL"] } },
    include: { affiliate: { select: who } },
    orderBy: [{ oldestDueOn: "asc" }, { id: "asc" }],
    take: 500,
  });
  return rows.map((c) => toRecoveryListItem(c, today));
}
