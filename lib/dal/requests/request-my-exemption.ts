import "server-only";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { checkExemptionEligibility, type ExemptionReason } from "@/lib/domain/check-exemption-eligibility";
import type { EvidenceUpload } from "@/lib/formats/evidence";
import { exemptionCall, exemptionContext, fileRelief } from "@/lib/dal/internal/relief";
import { type ReliefFiled } from "@/lib/dto/requests";
import { ineligible } from "@/lib/dal/internal/relief";

/** Files an exemption request for the selected calls (all must be the caller's own and eligible). */
export async function requestMyExemption(
  viewer: Viewer | null,
  today: string,
  input: { callIds: string[]; reason: ExemptionReason; motivation: string },
  evidence: readonly EvidenceUpload[] = [],
): Promise<ReliefFiled> {
  const affiliateId = ownAffiliateId(viewer, "file");
  const { calls, ctx } = await exemptionContext(affiliateId, today);
  const callIds = [...new Set(input.callIds)];
  const selected = callIds.map((id) => calls.find((c) => c.id === id));
  // another dossier's call (or an unknown id) is simply not one of mine: refused like an ineligible call
  if (selected.some((c) => !c)) throw ineligible("exemption", [], Object.fromEntries(callIds.filter((id) => !calls.some((c) => c.id === id)).map((id) => [id, ["unknown"]])));
  const check = checkExemptionEligibility(ctx, selected.map((c) => exemptionCall(c!)));
  if (!check.eligible) throw ineligible("exemption", check.refusals, Object.fromEntries(check.calls.filter((c) => !c.eligible).map((c) => [c.id, c.refusals])));
  return fileRelief(viewer!, affiliateId, today, "EXEMPTION", { callIds, reason: input.reason, motivation: input.motivation }, evidence);
}
