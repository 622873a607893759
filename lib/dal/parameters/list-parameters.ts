import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { type ParameterRow } from "@/lib/dto/parameters";

export async function listParameters(viewer: Viewer | null, year: number): Promise<ParameterRow[]> {
  assertPermission(viewer, "parameter:read");
  const rows = await prisma.legalParameter.findMany({
    where: { year },
    orderBy: { key: "asc" },
    include: {
      _count: { select: { changes: { where: { state: "APPLIED" } } } },
      changes: { where: { state: "PROPOSED" }, take: 1, include: { changedBy: { select: { name: true } } } },
    },
  });
  return rows.map((r) => {
    const p = r.changes[0];
    return {
      id: r.id, year: r.year, key: r.key, value: r.value === null ? "" : r.value.toString(), denominator: r.denominator === null ? null : r.denominator.toString(), unit: r.unit, source: r.source, status: r.status, changes: r._count.changes,
      pending: p
        ? { changeId: p.id, value: p.newValue === null ? "" : p.newValue.toString(), status: p.newStatus, reason: p.reason, proposedByName: p.changedBy.name, proposedById: p.changedById, proposedAt: p.changedAt.toISOString() }
        : null,
    };
  });
}
