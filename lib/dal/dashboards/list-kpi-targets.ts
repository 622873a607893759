import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { INDICATORS } from "@/lib/kpi/indicators";
import { targets } from "@/lib/kpi/queries";

export async function listKpiTargets(viewer: Viewer | null): Promise<{ indicator: string; target: number; isDefault: boolean }[]> {
  assertPermission(viewer, "dashboard:read");
  const t = await targets(prisma);
  return INDICATORS.map((d) => ({ indicator: d.id, target: t.get(d.id) ?? d.defaultTarget, isDefault: !t.has(d.id) }));
}
