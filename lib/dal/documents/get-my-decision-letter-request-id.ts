import "server-only";
import { prisma } from "@/lib/db/client";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";

/** Whether a motivated decision letter exists for one of my requests (served by /api/decisions/[requestId]). */
export async function myDecisionLetterRequestId(viewer: Viewer | null, reference: string): Promise<string | null> {
  const affiliateId = ownAffiliateId(viewer);
  const doc = await prisma.document.findFirst({
    where: { kind: "DECISION", request: { reference, affiliateId } },
    select: { requestId: true },
  });
  return doc?.requestId ?? null;
}
