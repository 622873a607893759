import "server-only";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { simulate } from "@/lib/dal/internal/contributions";

export async function simulateMyContributionChange(viewer: Viewer | null, today: string, input: { estimatedIncomeCents: number }) {
  const affiliateId = ownAffiliateId(viewer);
  return simulate(affiliateId, today, input.estimatedIncomeCents);
}
