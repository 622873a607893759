import "server-only";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { compareDates } from "@/lib/domain";
import type { EvidenceUpload } from "@/lib/formats/evidence";
import type { BridgingRightRequestInput } from "@/lib/schemas/me-relief";
import { type BenefitFiled } from "@/lib/dto/benefits";
import { fileBenefit } from "@/lib/dal/internal/benefits-filing";
import { invalid, refused } from "@/lib/errors";

export async function requestMyBridgingRight(
  viewer: Viewer | null,
  today: string,
  input: Omit<BridgingRightRequestInput, "evidence">,
  evidence: readonly EvidenceUpload[],
): Promise<BenefitFiled> {
  ownAffiliateId(viewer, "file");
  if (compareDates(input.eventOn, today) > 0) throw invalid({ eventOn: ["eventInFuture"] });
  const filed = await fileBenefit(
    viewer,
    today,
    "BRIDGING_RIGHT",
    { case: input.case, eventOn: input.eventOn, familyCharge: input.familyCharge, motivation: input.motivation },
    evidence,
    ["case", "eventOn"],
  );
  if (!filed) throw refused("alreadyPending");
  return { ...filed, late: false };
}
