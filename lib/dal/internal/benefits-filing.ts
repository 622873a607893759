import "server-only";
import { dbDate } from "@/lib/clock";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { fileSubmittedRequest } from "@/lib/dal/internal/requests-filing";
import { PENDING_REQUEST_STATUSES } from "@/lib/db/enums";
import type { EvidenceUpload } from "@/lib/formats/evidence";

export async function fileBenefit(
  viewer: Viewer | null,
  today: string,
  type: "BRIDGING_RIGHT" | "CAREGIVER_ALLOWANCE",
  payload: Record<string, unknown>,
  evidence: readonly EvidenceUpload[],
  /** The identity of a claim: an open request of the type with the same key fields is the same claim filed twice. */
  keys: readonly string[],
): Promise<{ reference: string; decisionDueOn: string } | null> {
  const affiliateId = ownAffiliateId(viewer, "file");
  return fileSubmittedRequest(viewer!, affiliateId, today, {
    type,
    payload,
    evidence,
    // the same claim twice (double submit, concurrent tabs) is refused: checked inside the serializable transaction
    isDuplicate: async (tx) => {
      const open = await tx.request.findMany({ where: { affiliateId, type, status: { in: [...PENDING_REQUEST_STATUSES] } }, select: { payload: true } });
      return open.some((r) => keys.every((k) => (r.payload as Record<string, unknown> | null)?.[k] === payload[k]));
    },
    alsoWrite: (tx, requestId) => tx.benefitClaim.create({ data: { affiliateId, type, status: "CLAIMED", requestId, filedOn: dbDate(today) } }),
  });
}
