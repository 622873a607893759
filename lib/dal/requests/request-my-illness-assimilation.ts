import "server-only";
import { assertPermission, ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { PENDING_REQUEST_STATUSES } from "@/lib/db/enums";
import { assimilationPayload, checkAssimilation } from "@/lib/dal/internal/illness-assimilation";
import { fileSubmittedRequest } from "@/lib/dal/internal/requests-filing";
import type { EvidenceUpload } from "@/lib/formats/evidence";
import { invalid, refused } from "@/lib/errors";

/**
 * Files an assimilation for illness for the dossier's advisor, with the incapacity certificate: the dates are checked
 * by the domain's rule (90 days of self-employment, the quarter before paid); one pending request at a time.
 */
export async function requestMyIllnessAssimilation(
  viewer: Viewer | null,
  today: string,
  input: { incapacityStartOn: string; resumptionOn: string; motivation: string },
  evidence: readonly EvidenceUpload[],
): Promise<{ reference: string; decisionDueOn: string }> {
  assertPermission(viewer, "own-request:create");
  const affiliateId = ownAffiliateId(viewer, "file");
  const resumptionOn = input.resumptionOn === "" ? null : input.resumptionOn;
  const check = await checkAssimilation(affiliateId, today, { incapacityStartOn: input.incapacityStartOn, resumptionOn });
  if (!check) throw refused("noAffiliation");
  if (!check.ok) throw invalid({ [check.refusal === "resumption-before-start" || check.refusal === "nothing-assimilated" ? "resumptionOn" : "incapacityStartOn"]: [`assimilation-${check.refusal}`] });
  const filed = await fileSubmittedRequest(viewer!, affiliateId, today, {
    type: "ILLNESS_ASSIMILATION",
    payload: { incapacityStartOn: input.incapacityStartOn, resumptionOn, ...assimilationPayload(check.firstQuarter, check.lastQuarter), motivation: input.motivation },
    evidence,
    isDuplicate: async (tx) => (await tx.request.count({ where: { affiliateId, type: "ILLNESS_ASSIMILATION", status: { in: [...PENDING_REQUEST_STATUSES] } } })) > 0,
  });
  if (!filed) throw refused("alreadyPending");
  return filed;
}
