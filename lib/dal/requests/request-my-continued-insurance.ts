import "server-only";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { PENDING_REQUEST_STATUSES } from "@/lib/db/enums";
import { continuedInsurance, continuedInsurancePeriod, type ContinuedInsuranceOption } from "@/lib/domain/continued-insurance";
import { continuedInsuranceContext, continuedInsurancePayloadPeriod } from "@/lib/dal/internal/continued-insurance";
import { fileSubmittedRequest } from "@/lib/dal/internal/requests-filing";
import { type RequestFiled } from "@/lib/dto/continued-insurance";
import type { EvidenceUpload } from "@/lib/formats/evidence";
import { invalid, refused } from "@/lib/errors";

/**
 * Files a continued-insurance request (DOMAIN.md §3.7) for the dossier's advisor: the end of the activity is the
 * dossier's when it knows it (else the date the person gives), checked with the qualifying quarters by the same
 * domain rule the page used; the period is 1 to 8 quarters from the quarter after cessation. The quarterly amount is
 * not computed here: the fund sets it on decision. One pending request at a time (checked again in the transaction).
 */
export async function requestMyContinuedInsurance(
  viewer: Viewer | null,
  today: string,
  input: { option: ContinuedInsuranceOption; cessationOn: string; quarters: string; noOtherStatus: boolean; motivation: string },
  evidence: readonly EvidenceUpload[] = [],
): Promise<RequestFiled> {
  const affiliateId = ownAffiliateId(viewer, "file");
  const ctx = await continuedInsuranceContext(affiliateId, today);
  if (!ctx) throw refused("noAffiliation");
  const cessationOn = ctx.cessationOn ?? input.cessationOn;
  if (!cessationOn) throw invalid({ cessationOn: ["dateRequired"] });
  if (!input.noOtherStatus) throw invalid({ noOtherStatus: ["noOtherStatusRequired"] });
  const check = continuedInsurance({ cessationOn, today, qualifyingQuarters: ctx.qualifyingQuarters });
  if (!check.valid) throw invalid({ cessationOn: [`continued-${check.refusal}`] });
  if (check.refusal) throw invalid({ cessationOn: [`continued-${check.refusal}`] });
  const period = continuedInsurancePeriod(check.cessationQuarter, Number(input.quarters));
  if (!period) throw invalid({ quarters: ["quartersRange"] });
  const filed = await fileSubmittedRequest(viewer!, affiliateId, today, {
    type: "CONTINUED_INSURANCE",
    payload: {
      option: input.option,
      cessationOn,
      cessationReported: ctx.cessationOn === null,
      cessationQuarter: check.cessationQuarter,
      quarters: Number(input.quarters),
      ...continuedInsurancePayloadPeriod(period.firstQuarter, period.lastQuarter),
      noOtherStatus: true,
      motivation: input.motivation,
    },
    evidence,
    isDuplicate: async (tx) => (await tx.request.count({ where: { affiliateId, type: "CONTINUED_INSURANCE", status: { in: [...PENDING_REQUEST_STATUSES] } } })) > 0,
  });
  if (!filed) throw refused("alreadyPending");
  return filed;
}
