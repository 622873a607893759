import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { benefitAcceptance } from "@/lib/domain/benefit-acceptance";
import { checkClaim, claimInclude } from "@/lib/dal/internal/benefits";
import { storedPathToAccepted, writeGrant } from "@/lib/dal/internal/benefit-grant";
import { deliverNotices } from "@/lib/dal/internal/deliver-notices";
import { NotFoundError, refused } from "@/lib/errors";

/**
 * The advisor grants a claim whose conditions are all met: claim GRANTED with its monthly amount and the Charte's
 * payment deadline (4 months after today's notification), the request ACCEPTED through the allowed transitions,
 * and an e-mail to the affiliate. Refused (nothing written) when a condition fails — accepting it anyway is an
 * override, decided on the request page and approved by a second advisor — or a figure is missing.
 */
export async function grantClaim(viewer: Viewer | null, input: { claimId: string }, today: string): Promise<{ paymentDueOn: string; monthlyAmountCents: number; months: number }> {
  assertPermission(viewer, "request:decide");
  const c = await prisma.benefitClaim.findUnique({ where: { id: input.claimId }, include: { ...claimInclude, affiliate: { select: { ...claimInclude.affiliate.select, language: true, person: { select: { firstName: true, lastName: true, birthDate: true, email: true } } } } } });
  if (!c) throw new NotFoundError("claim");
  if (c.status !== "CLAIMED" || !c.request) throw refused("bnNotClaimed");
  if (c.request.status === "AWAITING_SECOND_APPROVAL") throw refused("fourEyesPending");
  const path = storedPathToAccepted(c.request.type, c.request.status);
  if (!path) throw refused("transitionNotAllowed");
  const checked = await checkClaim(c, today);
  if (!checked || !checked.check.eligible || checked.check.months === 0) throw refused("bnNotEligible");
  const acceptance = benefitAcceptance(checked.check);
  if (acceptance.kind !== "grant") throw refused("bnFigureMissing");
  const { months, monthlyAmountCents } = acceptance;
  const request = { ...c.request, affiliateId: c.affiliateId };
  const { paymentDueOn, notice } = await prisma.$transaction((tx) =>
    writeGrant(
      tx,
      {
        claimId: c.id, request, path, months, monthlyAmountCents, firstMonthOn: checked.firstMonthOn, actorId: viewer.userId, decidedById: viewer.userId,
        reasonCode: "benefit.granted", eventReason: `benefit.granted — ${months} × ${monthlyAmountCents}`,
      },
      today,
    ),
  );
  await deliverNotices([notice]);
  return { paymentDueOn, monthlyAmountCents, months };
}
