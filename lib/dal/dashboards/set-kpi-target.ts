import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { indicatorDef } from "@/lib/kpi/indicators";

/** A manager sets the fund's target for an indicator (audited). */
export async function setKpiTarget(viewer: Viewer | null, input: { indicator: string; target: number }): Promise<void> {
  assertPermission(viewer, "dashboard:read");
  if (!indicatorDef(input.indicator)) throw new NotFoundError("indicator");
  await prisma.$transaction([
    prisma.kpiTarget.upsert({ where: { indicator: input.indicator }, create: { indicator: input.indicator, target: input.target, updatedById: viewer.userId }, update: { target: input.target, updatedById: viewer.userId } }),
    prisma.auditLog.create({ data: { actorId: viewer.userId, action: "kpi.target", entity: "KpiTarget", entityId: input.indicator, details: { target: input.target } } }),
  ]);
}
