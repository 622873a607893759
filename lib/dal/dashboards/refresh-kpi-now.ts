import "server-only";
import { jobsPrisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { refreshKpiFacts, type RefreshResult } from "@/lib/kpi/refresh";

/** "Refresh now": incremental refresh of the facts (the scheduled job calls refreshKpiFacts directly). */
export async function refreshKpiNow(viewer: Viewer | null, today: string): Promise<RefreshResult> {
  assertPermission(viewer, "dashboard:read");
  return refreshKpiFacts(jobsPrisma, today, { startedById: viewer.userId });
}
