import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { PENDING_REQUEST_STATUSES } from "@/lib/db/enums";
import { endOfActivityContext } from "@/lib/dal/internal/end-of-activity";
import { type EndOfActivityOptions } from "@/lib/dto/end-of-activity";

/** The caller's own affiliation in force and called quarters, or why they cannot report an end of activity. */
export async function getMyEndOfActivityOptions(viewer: Viewer | null, today: string): Promise<EndOfActivityOptions> {
  assertPermission(viewer, "own-request:create");
  const affiliateId = ownAffiliateId(viewer);
  const pending = await prisma.request.findFirst({ where: { affiliateId, type: "END_OF_ACTIVITY", status: { in: [...PENDING_REQUEST_STATUSES] } }, select: { reference: true } });
  if (pending) return { kind: "pending", reference: pending.reference };
  const ctx = await endOfActivityContext(affiliateId);
  if (!ctx) return { kind: "no-affiliation" };
  return { kind: "open", today, affiliationStartOn: ctx.startOn, issuedQuarters: ctx.issuedQuarters };
}
