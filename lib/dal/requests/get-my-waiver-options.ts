import "server-only";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { checkWaiverCall } from "@/lib/domain/check-surcharge-waiver-eligibility";
import { reliefCalls, pendingCallIds } from "@/lib/dal/internal/relief";
import { type WaiverOverview } from "@/lib/dto/requests";

/** The waiver page: the caller's calls that bore surcharges, each with whether it can be picked (principal paid). */
export async function getMyWaiverOptions(viewer: Viewer | null): Promise<WaiverOverview> {
  const affiliateId = ownAffiliateId(viewer);
  const [calls, pending] = await Promise.all([reliefCalls(affiliateId), pendingCallIds(affiliateId, "SURCHARGE_WAIVER")]);
  return { calls: calls.filter((c) => c.surchargeCents > 0).map((c) => ({ ...c, check: checkWaiverCall(c, { pendingCallIds: pending }) })) };
}
