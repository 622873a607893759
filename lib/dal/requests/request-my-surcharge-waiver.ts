import "server-only";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { checkSurchargeWaiverEligibility, type WaiverGround } from "@/lib/domain/check-surcharge-waiver-eligibility";
import type { EvidenceUpload } from "@/lib/formats/evidence";
import { reliefCalls, pendingCallIds, fileRelief } from "@/lib/dal/internal/relief";
import { type ReliefFiled } from "@/lib/dto/requests";
import { ineligible } from "@/lib/dal/internal/relief";

/** Files a surcharge waiver request for the selected calls (principal paid, surcharges charged, not yet asked). */
export async function requestMySurchargeWaiver(
  viewer: Viewer | null,
  today: string,
  input: { callIds: string[]; ground: WaiverGround; motivation: string },
  evidence: readonly EvidenceUpload[] = [],
): Promise<ReliefFiled> {
  const affiliateId = ownAffiliateId(viewer, "file");
  const [calls, pending] = await Promise.all([reliefCalls(affiliateId), pendingCallIds(affiliateId, "SURCHARGE_WAIVER")]);
  const callIds = [...new Set(input.callIds)];
  const selected = callIds.map((id) => calls.find((c) => c.id === id));
  if (selected.some((c) => !c)) throw ineligible("waiver", [], Object.fromEntries(callIds.filter((id) => !calls.some((c) => c.id === id)).map((id) => [id, ["unknown"]])));
  const check = checkSurchargeWaiverEligibility({ pendingCallIds: pending }, selected.map((c) => c!));
  if (!check.eligible) throw ineligible("waiver", check.refusals, Object.fromEntries(check.calls.filter((c) => !c.eligible).map((c) => [c.id, c.refusals])));
  return fileRelief(viewer!, affiliateId, today, "SURCHARGE_WAIVER", { callIds, ground: input.ground, motivation: input.motivation }, evidence);
}
