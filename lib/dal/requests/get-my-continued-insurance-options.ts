import "server-only";
import { prisma } from "@/lib/db/client";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { PENDING_REQUEST_STATUSES } from "@/lib/db/enums";
import { continuedInsuranceContext } from "@/lib/dal/internal/continued-insurance";
import { type ContinuedInsuranceOptions } from "@/lib/dto/continued-insurance";

/** The caller's own end of activity and qualifying quarters (the page computes the conditions from them), or why
 *  they cannot ask now: a pending request, or no affiliation as a person at this fund. */
export async function getMyContinuedInsuranceOptions(viewer: Viewer | null, today: string): Promise<ContinuedInsuranceOptions> {
  const affiliateId = ownAffiliateId(viewer, "file");
  const pending = await prisma.request.findFirst({ where: { affiliateId, type: "CONTINUED_INSURANCE", status: { in: [...PENDING_REQUEST_STATUSES] } }, select: { reference: true } });
  if (pending) return { kind: "pending", reference: pending.reference };
  const ctx = await continuedInsuranceContext(affiliateId, today);
  return ctx ? { kind: "open", today, ...ctx } : { kind: "no-affiliation" };
}
