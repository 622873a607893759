import "server-only";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { exemptionPersonRefusals, checkExemptionCall } from "@/lib/domain/check-exemption-eligibility";
import { exemptionCall, exemptionContext } from "@/lib/dal/internal/relief";
import { type ExemptionOverview } from "@/lib/dto/requests";

/** The exemption page: may the caller ask at all, and which of their calls (with unpaid principal) can be picked. */
export async function getMyExemptionOptions(viewer: Viewer | null, today: string): Promise<ExemptionOverview> {
  const affiliateId = ownAffiliateId(viewer);
  const { calls, ctx } = await exemptionContext(affiliateId, today);
  return {
    refusals: exemptionPersonRefusals(ctx),
    calls: calls.filter((c) => c.principalOutstandingCents > 0).map((c) => ({ ...c, check: checkExemptionCall(exemptionCall(c), ctx) })),
  };
}
