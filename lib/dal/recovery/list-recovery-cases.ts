import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { type RecoveryListItem } from "@/lib/dto/recovery";
import { LIST_PAGE_SIZE, pageWindow, type Paged } from "@/lib/dto/paging";
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

/** One page of the open recovery cases, the oldest debt first (counted and cut by the database). */
export async function listRecoveryCasesPage(viewer: Viewer | null, today: string, page: number, pageSize = LIST_PAGE_SIZE): Promise<Paged<RecoveryListItem>> {
  assertPermission(viewer, "recovery:manage");
  const where = { status: { in: ["OPEN" as const, "SUSPENDED" as const, "JUDICIAL" as const] } };
  const total = await prisma.recoveryCase.count({ where });
  const w = pageWindow(total, page, pageSize);
  const rows = await prisma.recoveryCase.findMany({ where, include: { affiliate: { select: who } }, orderBy: [{ oldestDueOn: "asc" }, { id: "asc" }], skip: w.skip, take: w.take });
  return { items: rows.map((c) => toRecoveryListItem(c, today)), total, page: w.page, pageSize };
}
