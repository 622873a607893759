import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { PENDING_REQUEST_STATUSES } from "@/lib/db/enums";
import { assimilationAffiliationStart } from "@/lib/dal/internal/illness-assimilation";

export type IllnessAssimilationOptions = { kind: "no-affiliation" } | { kind: "pending"; reference: string } | { kind: "open"; today: string; affiliationStartOn: string };

/** The caller's own affiliation in force (its start bounds the 90 days), or why they cannot ask now. */
export async function getMyIllnessAssimilationOptions(viewer: Viewer | null, today: string): Promise<IllnessAssimilationOptions> {
  assertPermission(viewer, "own-request:create");
  const affiliateId = ownAffiliateId(viewer);
  const pending = await prisma.request.findFirst({ where: { affiliateId, type: "ILLNESS_ASSIMILATION", status: { in: [...PENDING_REQUEST_STATUSES] } }, select: { reference: true } });
  if (pending) return { kind: "pending", reference: pending.reference };
  const start = await assimilationAffiliationStart(affiliateId);
  return start ? { kind: "open", today, affiliationStartOn: start } : { kind: "no-affiliation" };
}
