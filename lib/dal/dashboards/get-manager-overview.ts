import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import type { Category } from "@/lib/generated/prisma/enums";
import { type ManagerOverview } from "@/lib/dto/dashboards";
import { OPEN_REQUEST_STATUSES } from "@/lib/db/enums";


/** Counts for the manager home: active affiliates per current category, companies, open requests per type. */
export async function getManagerOverview(viewer: Viewer | null, today: string): Promise<ManagerOverview> {
  assertPermission(viewer, "dashboard:read");
  const [byCategory, companies, requests] = await Promise.all([
    prisma.$queryRaw<{ category: Category; count: bigint }[]>`
      SELECT p.category, COUNT(DISTINCT f."affiliateId")::bigint AS count
      FROM "CategoryPeriod" p JOIN "Affiliation" f ON f.id = p."affiliationId"
      WHERE f.status = 'ACTIVE' AND p."fromOn" <= ${today}::date AND (p."toOn" IS NULL OR p."toOn" >= ${today}::date)
      GROUP BY p.category ORDER BY p.category`,
    prisma.affiliate.count({ where: { kind: "COMPANY" } }),
    prisma.request.groupBy({ by: ["type"], where: { status: { in: [...OPEN_REQUEST_STATUSES] } }, _count: { _all: true }, orderBy: { type: "asc" } }),
  ]);
  const openRequestsByType = requests.map((r) => ({ type: r.type, count: r._count._all }));
  return {
    affiliatesByCategory: byCategory.map((r) => ({ category: r.category, count: Number(r.count) })),
    companies,
    openRequestsByType,
    openRequests: openRequestsByType.reduce((s, r) => s + r.count, 0),
  };
}
