import "server-only";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { staffReadsOf } from "@/lib/dal/internal/access-log";
import { type DossierConsultation } from "@/lib/dto/account";

/** Who at the fund read my data, what, when and why: every staff read is logged (lib/dal/internal/access-log.ts). */
export async function listMyDossierConsultations(viewer: Viewer | null, limit = 100): Promise<DossierConsultation[]> {
  return staffReadsOf(ownAffiliateId(viewer, "self"), limit);
}
