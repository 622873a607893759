import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { dashboardData, type Dashboard } from "@/lib/kpi/queries";
import type { KpiFilterInput } from "@/lib/schemas/kpi-dashboards";

// Dashboards of the service commitment, for managers and admins only (dashboard:read); anyone else gets
// NotFoundError. The queries themselves live in lib/kpi/queries.ts (shared with the benchmark).

export async function getDashboard(viewer: Viewer | null, input: KpiFilterInput, today: string): Promise<Dashboard> {
  assertPermission(viewer, "dashboard:read");
  return dashboardData(prisma, input, today);
}
