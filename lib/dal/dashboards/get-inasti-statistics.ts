import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { inastiFigures, type InastiFigure } from "@/lib/kpi/inasti";

/** The INASTI statistics for a year: every figure per quarter, from the documented queries. */
export async function getInastiStatistics(viewer: Viewer | null, year: number): Promise<InastiFigure[]> {
  assertPermission(viewer, "dashboard:read");
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new NotFoundError("year");
  return inastiFigures(prisma, year);
}
