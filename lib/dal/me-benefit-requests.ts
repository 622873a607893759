import "server-only";
import { dbDate } from "@/lib/clock";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { compareDates } from "@/lib/domain";
import { caregiverFiledLate } from "@/lib/self-service/caregiver";
import { fileSubmittedRequest } from "@/lib/dal/me-requests";
import { PENDING_STATUSES } from "@/lib/dal/me-relief";
import type { EvidenceUpload } from "@/lib/self-service/evidence";
import type { BridgingRightRequestInput, CaregiverAllowanceRequestInput } from "@/lib/schemas/me-relief";

// Bridging right (§3.5) and caregiver allowance (§3.6) claims filed by the affiliate: a Request (SUBMITTED, decision
// due under the Charter, assigned to the dossier's advisor) and its BenefitClaim (CLAIMED) in one transaction, with
// the evidence (judgment, medical certificate). The advisor side (conditions, grant, payment) works from these rows.

export type BenefitFiled = { ok: true; reference: string; decisionDueOn: string; late: boolean } | { ok: false; code: "alreadyPending" | "eventInFuture" };

async function fileBenefit(
  viewer: Viewer | null,
  today: string,
  type: "BRIDGING_RIGHT" | "CAREGIVER_ALLOWANCE",
  payload: Record<string, unknown>,
  evidence: readonly EvidenceUpload[],
  /** The identity of a claim: an open request of the type with the same key fields is the same claim filed twice. */
  keys: readonly string[],
): Promise<{ reference: string; decisionDueOn: string } | null> {
  const affiliateId = ownAffiliateId(viewer);
  return fileSubmittedRequest(viewer!, affiliateId, today, {
    type,
    payload,
    evidence,
    // the same claim twice (double submit, concurrent tabs) is refused: checked inside the serializable transaction
    isDuplicate: async (tx) => {
      const open = await tx.request.findMany({ where: { affiliateId, type, status: { in: PENDING_STATUSES } }, select: { payload: true } });
      return open.some((r) => keys.every((k) => (r.payload as Record<string, unknown> | null)?.[k] === payload[k]));
    },
    alsoWrite: (tx, requestId) => tx.benefitClaim.create({ data: { affiliateId, type, status: "CLAIMED", requestId, filedOn: dbDate(today) } }),
  });
}

export async function requestMyBridgingRight(
  viewer: Viewer | null,
  today: string,
  input: Omit<BridgingRightRequestInput, "evidence">,
  evidence: readonly EvidenceUpload[],
): Promise<BenefitFiled> {
  ownAffiliateId(viewer);
  if (compareDates(input.eventOn, today) > 0) return { ok: false, code: "eventInFuture" };
  const filed = await fileBenefit(
    viewer,
    today,
    "BRIDGING_RIGHT",
    { case: input.case, eventOn: input.eventOn, familyCharge: input.familyCharge, motivation: input.motivation },
    evidence,
    ["case", "eventOn"],
  );
  return filed ? { ok: true, ...filed, late: false } : { ok: false, code: "alreadyPending" };
}

export async function requestMyCaregiverAllowance(
  viewer: Viewer | null,
  today: string,
  input: Omit<CaregiverAllowanceRequestInput, "evidence">,
  evidence: readonly EvidenceUpload[],
): Promise<BenefitFiled> {
  ownAffiliateId(viewer);
  const filed = await fileBenefit(
    viewer,
    today,
    "CAREGIVER_ALLOWANCE",
    { interruption: input.interruption, startOn: input.startOn, months: Number(input.months), careFor: input.careFor, motivation: input.motivation },
    evidence,
    ["startOn", "careFor"],
  );
  return filed ? { ok: true, ...filed, late: caregiverFiledLate(input.startOn, today) } : { ok: false, code: "alreadyPending" };
}
