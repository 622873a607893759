import "server-only";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { caregiverFiledLate } from "@/lib/domain/caregiver-filing";
import type { EvidenceUpload } from "@/lib/formats/evidence";
import type { CaregiverAllowanceRequestInput } from "@/lib/schemas/me-relief";
import { type BenefitFiled } from "@/lib/dto/benefits";
import { fileBenefit } from "@/lib/dal/internal/benefits-filing";
import { refused } from "@/lib/errors";

export async function requestMyCaregiverAllowance(
  viewer: Viewer | null,
  today: string,
  input: Omit<CaregiverAllowanceRequestInput, "evidence">,
  evidence: readonly EvidenceUpload[],
): Promise<BenefitFiled> {
  ownAffiliateId(viewer, "file");
  const filed = await fileBenefit(
    viewer,
    today,
    "CAREGIVER_ALLOWANCE",
    { interruption: input.interruption, startOn: input.startOn, months: Number(input.months), careFor: input.careFor, motivation: input.motivation },
    evidence,
    ["startOn", "careFor"],
  );
  if (!filed) throw refused("alreadyPending");
  return { ...filed, late: caregiverFiledLate(input.startOn, today) };
}
