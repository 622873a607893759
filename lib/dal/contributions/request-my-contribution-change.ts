import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate } from "@/lib/clock";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { charterDeadlines, transitionRequest, yearOf } from "@/lib/domain";
import { nextReference } from "@/lib/dal/internal/requests-filing";
import { withRetry } from "@/lib/dal/internal/retry";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { attachEvidence, checkedEvidenceOrThrow } from "@/lib/dal/internal/evidence";
import type { EvidenceUpload } from "@/lib/formats/evidence";
import { simulate } from "@/lib/dal/internal/contributions";
import { type ContributionChangeFiled } from "@/lib/dto/contributions";
import { invalid, refused } from "@/lib/errors";
import { applyContributionChange } from "@/lib/dal/internal/contribution-change-effect";
import { issueDecisionLetter } from "@/lib/dal/internal/decision-letters";
import { deliverNotices } from "@/lib/dal/internal/deliver-notices";
import { notifyDecision } from "@/lib/dal/internal/decisions";

/** Files the reduction or increase: an increase is accepted at once, a reduction is submitted to the advisor. */
export async function requestMyContributionChange(
  viewer: Viewer | null,
  today: string,
  input: { estimatedIncomeCents: number; justification: string },
  evidence: readonly EvidenceUpload[] = [],
): Promise<ContributionChangeFiled> {
  const affiliateId = ownAffiliateId(viewer, "file");
  const files = await checkedEvidenceOrThrow(evidence);
  const sim = await simulate(affiliateId, today, input.estimatedIncomeCents);
  if (typeof sim === "string") throw refused(sim);
  if (sim.kind === "UNCHANGED") throw invalid({ estimatedIncome: ["unchanged"] });
  const type = sim.kind;
  const accepted = type === "INCREASE";
  const domainType = type === "INCREASE" ? "increase" : "reduction";
  if (accepted && !(transitionRequest(domainType, "submitted", "in-review").ok && transitionRequest(domainType, "in-review", "accepted").ok))
    throw new Error("request transition not allowed");
  const affiliate = await prisma.affiliate.findUniqueOrThrow({ where: { id: affiliateId }, select: { advisorId: true } });
  const deadlines = charterDeadlines({ filedOn: today });
  let notice: string | null = null;
  const filed = await withRetry(() =>
      prisma.$transaction(
        async (tx) => {
          const reference = await nextReference(tx, yearOf(today));
          const status: RequestStatus = accepted ? "ACCEPTED" : "SUBMITTED";
          const now = Date.now();
          const request = await tx.request.create({
            data: {
              reference,
              type,
              status,
              affiliateId,
              payload: {
                year: sim.year,
                estimatedIncomeCents: input.estimatedIncomeCents,
                currentQuarterlyCents: sim.current,
                newQuarterlyCents: sim.next.totalCents,
                newContributionCents: sim.next.contributionCents,
                justification: input.justification,
              },
              filedOn: dbDate(today),
              decisionDueOn: dbDate(deadlines.decisionDueOn),
              assigneeId: accepted ? null : affiliate.advisorId,
              decidedAt: accepted ? new Date(now) : null,
              decisionReasonCode: accepted ? "change.increaseAccepted" : null,
              events: {
                create: [
                  { toStatus: "SUBMITTED" as const, actorId: viewer!.userId, at: new Date(now) },
                  ...(accepted
                    ? [
                        { fromStatus: "SUBMITTED" as const, toStatus: "IN_REVIEW" as const, reason: "change.automatic", at: new Date(now + 1) },
                        { fromStatus: "IN_REVIEW" as const, toStatus: "ACCEPTED" as const, reason: "change.increaseAccepted", at: new Date(now + 2) },
                      ]
                    : []),
                ],
              },
            },
          });
          await attachEvidence(tx, affiliateId, request.id, files);
          if (accepted) {
            // the increase takes effect at once: the year's issued calls are re-issued, with the decision letter
            const changedCalls = await applyContributionChange(tx, { ...request, affiliateId }, viewer!.userId, today);
            await issueDecisionLetter(tx, request, { outcome: "accepted", reasonCode: "", text: "", decidedById: viewer!.userId, changedCalls }, today);
            notice = await notifyDecision(tx, { ...request, affiliateId }, "accepted");
          }
          return { reference, status };
        },
        { isolationLevel: "Serializable" },
      ),
  );
  await deliverNotices([notice]);
  return filed;
}
