import "server-only";
import { prisma } from "@/lib/db/client";
import { benefitAcceptance, type BenefitAcceptance } from "@/lib/domain/benefit-acceptance";
import type { Viewer } from "@/lib/auth/viewer";
import type { DbRequestStatus, DbRequestType } from "@/lib/db/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type DecisionInput, type DecisionOutcome } from "@/lib/dto/requests";
import { checkClaim, claimInclude } from "@/lib/dal/internal/benefits";
import { storedPathToAccepted, writeGrant } from "@/lib/dal/internal/benefit-grant";
import { deliverNotices } from "@/lib/dal/internal/deliver-notices";
import { moveStatus } from "@/lib/dal/internal/decisions";
import { NotFoundError, invalid, refused } from "@/lib/errors";
import { OVERRIDE_MOTIVATION_MIN } from "@/lib/schemas/benefit-decision";

// Benefits bound to their conditions (issue #13, part 5). Accepting a bridging-right or caregiver request grants its
// claim when every condition is met. When one is not, accepting is an OVERRIDE: the advisor ticks it and writes
// why; the request then waits for a second advisor (AWAITING_SECOND_APPROVAL, like a refusal), who approves — the
// claim is granted as proposed — or rejects it (back in review). The proposer can never approve it (approveSecond).

type Tx = Prisma.TransactionClient;

/** The request types whose acceptance is the grant of a claim bound to conditions. */
export function isConditionalBenefit(type: DbRequestType): boolean {
  return type === "BRIDGING_RIGHT" || type === "CAREGIVER_ALLOWANCE";
}

/** What an override proposal keeps (Request.proposedDecision.override). */
export type OverrideProposal = { unmet: string[]; months: number; monthlyAmountCents: number; firstMonthOn: string };

type ProposalLike = { decision: string; reasonCode: string; text: string; override?: OverrideProposal };

export function isOverrideProposal(p: ProposalLike | null | undefined): p is ProposalLike & { override: OverrideProposal } {
  return !!p && p.decision === "accept" && !!p.override;
}

async function loadClaim(requestId: string) {
  const claim = await prisma.benefitClaim.findUnique({
    where: { requestId },
    include: { ...claimInclude, affiliate: { select: { ...claimInclude.affiliate.select, language: true, person: { select: { firstName: true, lastName: true, birthDate: true, email: true } } } } },
  });
  if (!claim) throw new NotFoundError("claim");
  if (claim.status !== "CLAIMED") throw refused("bnNotClaimed");
  return claim;
}

/** Where the claim of a benefit request stands now: its conditions check and what accepting it means. */
export async function acceptanceOf(claim: Parameters<typeof checkClaim>[0], today: string): Promise<{ acceptance: BenefitAcceptance; firstMonthOn: string }> {
  const checked = await checkClaim(claim, today);
  if (!checked) throw refused("bnNotEligible");
  return { acceptance: benefitAcceptance(checked.check), firstMonthOn: checked.firstMonthOn };
}

const IMPOSSIBLE = { "benefit.figureMissing": "bnFigureMissing", "benefit.nothingToGrant": "bnNothingToGrant" } as const;

/** The advisor accepts a benefit request (decideRequest): granted at once when its conditions are met; otherwise only
 *  with the override ticked and a motivation, as a proposal for a second advisor. */
export async function acceptBenefitRequest(
  viewer: Viewer,
  r: { id: string; type: DbRequestType; status: DbRequestStatus; reference: string; payload: unknown; affiliateId: string | null; filedOn: Date },
  input: DecisionInput,
  today: string,
): Promise<DecisionOutcome> {
  const claim = await loadClaim(r.id);
  const path = storedPathToAccepted(r.type, r.status);
  if (!path) throw refused("transitionNotAllowed");
  const { acceptance, firstMonthOn } = await acceptanceOf(claim, today);
  if (acceptance.kind === "impossible") throw refused(IMPOSSIBLE[acceptance.code]);
  const text = input.text.trim();
  if (acceptance.kind === "grant") {
    const { months, monthlyAmountCents } = acceptance;
    const { notice } = await prisma.$transaction((tx) =>
      writeGrant(tx, {
        claimId: claim.id, request: r, path, months, monthlyAmountCents, firstMonthOn, actorId: viewer.userId, decidedById: viewer.userId,
        reasonCode: input.reasonCode || "benefit.granted", decisionText: text || null, eventReason: `benefit.granted — ${months} × ${monthlyAmountCents}`,
      }, today),
    );
    await deliverNotices([notice]);
    return { status: "ACCEPTED", awaitingSecondApproval: false };
  }
  // a condition is not met: only an explicit, motivated override, approved by a second advisor
  const errors: Record<string, string[]> = {};
  if (!input.override) errors.override = ["bnOverrideRequired"];
  if (text.length < OVERRIDE_MOTIVATION_MIN) errors.text = ["bnOverrideMotivation"];
  if (Object.keys(errors).length > 0) throw invalid(errors, { unmet: acceptance.unmet });
  const override: OverrideProposal = { unmet: acceptance.unmet, months: acceptance.months, monthlyAmountCents: acceptance.monthlyAmountCents, firstMonthOn };
  await prisma.$transaction(async (tx) => {
    await moveStatus(tx, r.id, r.status, {
      status: "AWAITING_SECOND_APPROVAL",
      proposedById: viewer.userId,
      proposedDecision: { decision: "accept", reasonCode: input.reasonCode || "benefit.override", text, override },
    });
    await tx.requestEvent.create({ data: { requestId: r.id, actorId: viewer.userId, fromStatus: r.status, toStatus: "AWAITING_SECOND_APPROVAL", reason: `proposal:accept-override (${override.unmet.join(", ")}) — ${text}` } });
    await tx.auditLog.create({ data: { actorId: viewer.userId, action: "benefit.override-proposed", entity: "BenefitClaim", entityId: claim.id, affiliateId: claim.affiliateId, details: override } });
  });
  return { status: "AWAITING_SECOND_APPROVAL", awaitingSecondApproval: true };
}

/** The second advisor approves an override (approveSecond, after its four-eyes check): the claim is granted as it was
 *  proposed — refused if the dossier changed meanwhile (the proposal is then rejected and made again). */
export async function approveBenefitOverride(
  viewer: Viewer,
  r: { id: string; type: DbRequestType; reference: string; payload: unknown; proposedById: string | null; affiliateId: string | null; filedOn: Date },
  proposal: ProposalLike & { override: OverrideProposal },
  input: { reason: string },
  today: string,
): Promise<DecisionOutcome> {
  const claim = await loadClaim(r.id);
  const { acceptance } = await acceptanceOf(claim, today);
  const p = proposal.override;
  if (acceptance.kind === "impossible" || acceptance.months !== p.months || acceptance.monthlyAmountCents !== p.monthlyAmountCents) throw refused("bnOverrideOutdated");
  const note = input.reason.trim() ? ` (${input.reason.trim()})` : "";
  const { notice } = await prisma.$transaction(async (tx) => {
    const out = await writeGrant(tx, {
      claimId: claim.id, request: { ...r, status: "AWAITING_SECOND_APPROVAL" }, path: ["ACCEPTED"], months: p.months, monthlyAmountCents: p.monthlyAmountCents,
      firstMonthOn: p.firstMonthOn, actorId: viewer.userId, decidedById: r.proposedById!, reasonCode: proposal.reasonCode, decisionText: proposal.text,
      eventReason: `approved:accept-override${note} — ${proposal.text}`, override: { unmet: p.unmet, proposedById: r.proposedById!, approvedById: viewer.userId },
    }, today);
    await tx.auditLog.create({ data: { actorId: viewer.userId, action: "request.approve-second", entity: "Request", entityId: r.id, affiliateId: claim.affiliateId, details: { proposedById: r.proposedById, decision: "accept-override" } } });
    return out;
  });
  await deliverNotices([notice]);
  return { status: "ACCEPTED", awaitingSecondApproval: false };
}

/** A benefit request refused (after its second approval): its claim says so, in the same transaction. */
export async function claimFollowsRefusal(tx: Tx, r: { id: string; type: DbRequestType }, status: DbRequestStatus) {
  if (status === "REFUSED" && isConditionalBenefit(r.type)) await tx.benefitClaim.updateMany({ where: { requestId: r.id, status: "CLAIMED" }, data: { status: "REFUSED" } });
}
