import "server-only";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { type CallDetail } from "@/lib/dto/account";
import { loadCall } from "@/lib/dal/internal/calls";

/** One call of the caller's dossier with its ledger lines; another dossier's call is a 404. */
export async function getMyCall(viewer: Viewer | null, callId: string): Promise<CallDetail> {
  const affiliateId = ownAffiliateId(viewer);
  return loadCall(affiliateId, callId);
}
