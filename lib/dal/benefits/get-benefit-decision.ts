import "server-only";
import { prisma } from "@/lib/db/client";
import { logStaffRead } from "@/lib/dal/internal/access-log";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { yearOf } from "@/lib/domain";
import { benefitAcceptance } from "@/lib/domain/benefit-acceptance";
import { checkClaim, claimInclude } from "@/lib/dal/internal/benefits";
import { isConditionalBenefit, type OverrideProposal } from "@/lib/dal/internal/benefit-override";
import { type BenefitDecisionView } from "@/lib/dto/benefits";
import { NotFoundError } from "@/lib/errors";

/** The conditions of a bridging-right or caregiver request and what accepting it means, for the advisor deciding it
 *  on the request page; null for any other request. The claim read is logged (who read my file). */
export async function getBenefitDecision(viewer: Viewer | null, requestId: string, today: string): Promise<BenefitDecisionView | null> {
  assertPermission(viewer, "dossier:read:any");
  const request = await prisma.request.findUnique({ where: { id: requestId }, select: { type: true, payload: true, proposedDecision: true, proposedById: true, decidedById: true } });
  if (!request) throw new NotFoundError("request");
  if (!isConditionalBenefit(request.type)) return null;
  const claim = await prisma.benefitClaim.findUnique({ where: { requestId }, include: claimInclude });
  if (!claim) throw new NotFoundError("claim");
  await logStaffRead(viewer, { affiliateId: claim.affiliateId, action: "benefit.view", entity: "BenefitClaim", entityId: claim.id, reason: "benefit" });
  const checked = claim.status === "CLAIMED" ? await checkClaim(claim, today) : null;
  // an override proposed (awaiting the second advisor) or granted (kept with the grant in the request's payload)
  const proposed = (request.proposedDecision as { override?: OverrideProposal } | null)?.override ?? null;
  const granted = ((request.payload ?? {}) as { override?: { unmet: string[]; proposedById: string; approvedById: string }; grant?: { months: number; monthlyAmountCents: number } }) ?? {};
  const names = async (ids: (string | null | undefined)[]) => {
    const users = await prisma.user.findMany({ where: { id: { in: ids.filter((x): x is string => !!x) } }, select: { id: true, name: true } });
    return (id: string | null | undefined) => users.find((u) => u.id === id)?.name ?? null;
  };
  let override: BenefitDecisionView["override"] = null;
  if (proposed) {
    const name = await names([request.proposedById]);
    override = { unmet: proposed.unmet, months: proposed.months, monthlyAmountCents: proposed.monthlyAmountCents, proposedByName: name(request.proposedById), approvedByName: null };
  } else if (granted.override && granted.grant) {
    const name = await names([granted.override.proposedById, granted.override.approvedById]);
    override = { unmet: granted.override.unmet, months: granted.grant.months, monthlyAmountCents: granted.grant.monthlyAmountCents, proposedByName: name(granted.override.proposedById), approvedByName: name(granted.override.approvedById) };
  }
  return {
    claimId: claim.id,
    claimStatus: claim.status,
    check: checked?.check ?? null,
    acceptance: checked ? benefitAcceptance(checked.check) : null,
    parameterYear: checked?.year ?? yearOf(today),
    override,
  };
}
