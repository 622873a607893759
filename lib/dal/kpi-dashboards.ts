import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, NotFoundError, type Viewer } from "@/lib/auth/viewer";
import { INDICATORS, indicatorDef } from "@/lib/kpi/indicators";
import { dashboardData, drilldownData, publicData, targets, type Dashboard, type Drilldown, type IndicatorSummary } from "@/lib/kpi/queries";
import { refreshKpiFacts, type RefreshResult } from "@/lib/kpi/refresh";
import type { KpiFilterInput } from "@/lib/schemas/kpi-dashboards";

// Dashboards of the service commitment, for managers and admins only (dashboard:read); anyone else gets
// NotFoundError. The queries themselves live in lib/kpi/queries.ts (shared with the benchmark).

export async function getDashboard(viewer: Viewer | null, input: KpiFilterInput, today: string): Promise<Dashboard> {
  assertPermission(viewer, "dashboard:read");
  return dashboardData(prisma, input, today);
}

/** The dossiers behind one indicator's number over the filtered period, failures (late, not contacted…) first. */
export async function getIndicatorDrilldown(viewer: Viewer | null, indicatorId: string, input: KpiFilterInput, today: string): Promise<Drilldown> {
  assertPermission(viewer, "dashboard:read");
  if (!indicatorDef(indicatorId)) throw new NotFoundError("indicator");
  return drilldownData(prisma, indicatorId, input, today);
}

export async function listKpiTargets(viewer: Viewer | null): Promise<{ indicator: string; target: number; isDefault: boolean }[]> {
  assertPermission(viewer, "dashboard:read");
  const t = await targets(prisma);
  return INDICATORS.map((d) => ({ indicator: d.id, target: t.get(d.id) ?? d.defaultTarget, isDefault: !t.has(d.id) }));
}

/** A manager sets the fund's target for an indicator (audited). */
export async function setKpiTarget(viewer: Viewer | null, input: { indicator: string; target: number }): Promise<void> {
  assertPermission(viewer, "dashboard:read");
  if (!indicatorDef(input.indicator)) throw new NotFoundError("indicator");
  await prisma.$transaction([
    prisma.kpiTarget.upsert({ where: { indicator: input.indicator }, create: { indicator: input.indicator, target: input.target, updatedById: viewer.userId }, update: { target: input.target, updatedById: viewer.userId } }),
    prisma.auditLog.create({ data: { actorId: viewer.userId, action: "kpi.target", entity: "KpiTarget", entityId: input.indicator, details: { target: input.target } } }),
  ]);
}

/** "Refresh now": incremental refresh of the facts (the scheduled job calls refreshKpiFacts directly). */
export async function refreshKpiNow(viewer: Viewer | null, today: string): Promise<RefreshResult> {
  assertPermission(viewer, "dashboard:read");
  return refreshKpiFacts(prisma, today, { startedById: viewer.userId });
}

/**
 * The public page: the public indicators over the last 12 months, fund-wide (no dimension, no dossier, no name).
 * Open to everyone, signed in or not: the viewer is accepted for the DAL's uniform signature and not needed.
 */
export async function getPublicPerformance(_viewer: Viewer | null, today: string): Promise<{ indicators: IndicatorSummary[]; refreshedOn: string | null }> {
  return publicData(prisma, today);
}
