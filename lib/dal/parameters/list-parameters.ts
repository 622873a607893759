import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { type ParameterRow } from "@/lib/dto/parameters";

export async function listParameters(viewer: Viewer | null, year: number): Promise<ParameterRow[]> {
  assertPermission(viewer, "parameter:read");
  const rows = await prisma.legalParameter.findMany({
    where: { year },
    orderBy: { key: "asc" },
    include: { _count: { select: { changes: true } } },
  });
  return rows.map((r) => ({ id: r.id, year: r.year, key: r.key, value: r.value === null ? "" : r.value.toString(), unit: r.unit, source: r.source, status: r.status, changes: r._count.changes }));
}
