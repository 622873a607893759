import "server-only";
import { prisma } from "@/lib/db/client";
import { type Viewer } from "@/lib/auth/viewer";
import { publicData, type IndicatorSummary } from "@/lib/kpi/queries";

/**
 * The public page: the public indicators over the last 12 months, fund-wide (no dimension, no dossier, no name).
 * Open to everyone, signed in or not: the viewer is accepted for the DAL's uniform signature and not needed.
 */
export async function getPublicPerformance(_viewer: Viewer | null, today: string): Promise<{ indicators: IndicatorSummary[]; refreshedOn: string | null }> {
  return publicData(prisma, today);
}
