import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, NotFoundError, type Viewer } from "@/lib/auth/viewer";

// Legal figures per year (reference data seeded from lib/domain). Staff read them; admins correct them,
// each change recorded with the old and new value, status and reason.

export type ParameterRow = { id: string; year: number; key: string; value: string; unit: string; source: string; status: string; changes: number };

export async function listParameterYears(viewer: Viewer | null): Promise<number[]> {
  assertPermission(viewer, "parameter:read");
  const rows = await prisma.legalParameter.findMany({ distinct: ["year"], select: { year: true }, orderBy: { year: "desc" } });
  return rows.map((r) => r.year);
}

export async function listParameters(viewer: Viewer | null, year: number): Promise<ParameterRow[]> {
  assertPermission(viewer, "parameter:read");
  const rows = await prisma.legalParameter.findMany({
    where: { year },
    orderBy: { key: "asc" },
    include: { _count: { select: { changes: true } } },
  });
  return rows.map((r) => ({ id: r.id, year: r.year, key: r.key, value: r.value === null ? "" : r.value.toString(), unit: r.unit, source: r.source, status: r.status, changes: r._count.changes }));
}

export async function updateParameter(
  viewer: Viewer | null,
  input: { id: string; value: bigint; status: "confirmed" | "derived"; reason: string },
): Promise<void> {
  assertPermission(viewer, "parameter:update");
  await prisma.$transaction(async (tx) => {
    const current = await tx.legalParameter.findUnique({ where: { id: input.id } });
    if (!current) throw new NotFoundError("parameter");
    await tx.legalParameter.update({ where: { id: input.id }, data: { value: input.value, status: input.status } });
    await tx.legalParameterChange.create({
      data: {
        parameterId: input.id,
        oldValue: current.value,
        newValue: input.value,
        oldStatus: current.status,
        newStatus: input.status,
        reason: input.reason,
        changedById: viewer.userId,
      },
    });
    await tx.auditLog.create({
      data: {
        actorId: viewer.userId,
        action: "parameter.update",
        entity: "LegalParameter",
        entityId: input.id,
        reason: input.reason,
        details: { year: current.year, key: current.key, oldValue: current.value?.toString() ?? null, newValue: input.value.toString() },
      },
    });
  });
}
