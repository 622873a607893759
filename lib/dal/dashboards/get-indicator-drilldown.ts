import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { indicatorDef } from "@/lib/kpi/indicators";
import { drilldownData, type Drilldown } from "@/lib/kpi/queries";
import type { KpiFilterInput } from "@/lib/schemas/kpi-dashboards";

/** The dossiers behind one indicator's number over the filtered period, failures (late, not contacted…) first. */
export async function getIndicatorDrilldown(viewer: Viewer | null, indicatorId: string, input: KpiFilterInput, today: string): Promise<Drilldown> {
  assertPermission(viewer, "dashboard:read");
  if (!indicatorDef(indicatorId)) throw new NotFoundError("indicator");
  return drilldownData(prisma, indicatorId, input, today);
}
