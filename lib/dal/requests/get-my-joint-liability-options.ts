import "server-only";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { jointLiabilityCompanies } from "@/lib/dal/internal/joint-liability-release";
import { type JointLiabilityOptions } from "@/lib/dto/continued-insurance";

/** The companies the caller directs or directed, with the years they may ask a release for and the deadlines. */
export async function getMyJointLiabilityOptions(viewer: Viewer | null, today: string): Promise<JointLiabilityOptions> {
  const affiliateId = ownAffiliateId(viewer, "file");
  const companies = await jointLiabilityCompanies(affiliateId, today);
  return companies.length === 0 ? { kind: "no-company" } : { kind: "open", today, companies };
}
