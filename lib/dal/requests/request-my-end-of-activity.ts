import "server-only";
import { assertPermission, ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { PENDING_REQUEST_STATUSES } from "@/lib/db/enums";
import { endOfActivityEffect } from "@/lib/domain/end-of-activity";
import { endOfActivityContext } from "@/lib/dal/internal/end-of-activity";
import { fileSubmittedRequest } from "@/lib/dal/internal/requests-filing";
import { type EndOfActivityFiled } from "@/lib/dto/end-of-activity";
import type { EvidenceUpload } from "@/lib/formats/evidence";
import { invalid, refused } from "@/lib/errors";

/**
 * Files the end of the caller's activity (cessation) for the dossier's advisor: the last day is checked against the
 * affiliation in force by the same domain rule the page used to show its effect; one pending report at a time
 * (checked again inside the filing transaction). The payload keeps the effect shown to the affiliate.
 */
export async function requestMyEndOfActivity(
  viewer: Viewer | null,
  today: string,
  input: { lastDayOn: string; motivation: string },
  evidence: readonly EvidenceUpload[] = [],
): Promise<EndOfActivityFiled> {
  assertPermission(viewer, "own-request:create");
  const affiliateId = ownAffiliateId(viewer, "file");
  const ctx = await endOfActivityContext(affiliateId);
  if (!ctx) throw refused("noAffiliation");
  const effect = endOfActivityEffect({ lastDayOn: input.lastDayOn, affiliationStartOn: ctx.startOn, today, issuedQuarters: ctx.issuedQuarters });
  if (!effect.ok) throw invalid({ lastDayOn: [`endOfActivity-${effect.refusal}`] });
  const filed = await fileSubmittedRequest(viewer!, affiliateId, today, {
    type: "END_OF_ACTIVITY",
    payload: {
      lastDayOn: input.lastDayOn,
      affiliationId: ctx.affiliationId,
      lastQuarter: effect.lastQuarter,
      cancelledQuarters: effect.cancelled,
      noCallsFrom: effect.noCallsFrom,
      motivation: input.motivation,
    },
    evidence,
    isDuplicate: async (tx) => (await tx.request.count({ where: { affiliateId, type: "END_OF_ACTIVITY", status: { in: [...PENDING_REQUEST_STATUSES] } } })) > 0,
  });
  if (!filed) throw refused("alreadyPending");
  return filed;
}
