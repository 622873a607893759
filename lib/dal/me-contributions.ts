import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate } from "@/lib/clock";
import { NotFoundError, ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { charterDeadlines, DomainError, transitionRequest, yearOf } from "@/lib/domain";
import { currentCategory } from "@/lib/dal/affiliate";
import { nextReference, withRetry } from "@/lib/dal/me-requests";
import { loadParameters } from "@/lib/jobs/parameters";
import { contributionChange, DB_TO_DOMAIN_CATEGORY, type ContributionChange } from "@/lib/self-service/contribution-change";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { attachEvidence, checkedEvidenceOrThrow } from "@/lib/dal/me-evidence";
import type { EvidenceUpload } from "@/lib/self-service/evidence";

// Reduction / increase of the provisional contributions: the new quarterly amount comes from the domain
// (quarterlyContribution with the year's legal figures as corrected in LegalParameter). An increase is accepted
// at once; a reduction goes to the advisor and shows the sanction risked if the real income turns out higher.

export type ContributionChangeSimulation = ContributionChange & { year: number; category: keyof typeof DB_TO_DOMAIN_CATEGORY };
export type ChangeRefusal = "noCategory" | "parametersMissing" | "unchanged";

async function simulate(affiliateId: string, today: string, estimatedIncomeCents: number): Promise<ContributionChangeSimulation | ChangeRefusal> {
  const year = yearOf(today);
  const category = await currentCategory(affiliateId, today);
  if (!category) return "noCategory";
  const [period, lastCall, fund] = await Promise.all([
    prisma.categoryPeriod.findFirst({
      where: { affiliation: { affiliateId, status: "ACTIVE" }, fromOn: { lte: dbDate(today) } },
      orderBy: { fromOn: "desc" },
      select: { primoStarterUntil: true },
    }),
    prisma.contributionCall.findFirst({
      where: { affiliateId, kind: "PROVISIONAL", year },
      orderBy: { quarter: "desc" },
      select: { totalCents: true },
    }),
    prisma.fund.findUnique({ where: { id: 1 }, select: { managementFeeBp: true } }),
  ]);
  if (!fund) throw new NotFoundError("fund");
  try {
    const params = await loadParameters(prisma, year);
    const change = contributionChange({
      params,
      category: DB_TO_DOMAIN_CATEGORY[category],
      primoStarter: !!period?.primoStarterUntil && period.primoStarterUntil >= dbDate(today),
      estimatedIncomeCents,
      managementFeeBp: fund.managementFeeBp,
      currentQuarterlyCents: lastCall?.totalCents ?? null,
    });
    return { ...change, year, category };
  } catch (error) {
    if (error instanceof DomainError && error.code.startsWith("parameters.")) return "parametersMissing";
    throw error;
  }
}

export async function simulateMyContributionChange(viewer: Viewer | null, today: string, input: { estimatedIncomeCents: number }) {
  const affiliateId = ownAffiliateId(viewer);
  return simulate(affiliateId, today, input.estimatedIncomeCents);
}

export type ContributionChangeFiled = { ok: true; reference: string; status: RequestStatus } | { ok: false; code: ChangeRefusal };

/** Files the reduction or increase: an increase is accepted at once, a reduction is submitted to the advisor. */
export async function requestMyContributionChange(
  viewer: Viewer | null,
  today: string,
  input: { estimatedIncomeCents: number; justification: string },
  evidence: readonly EvidenceUpload[] = [],
): Promise<ContributionChangeFiled> {
  const affiliateId = ownAffiliateId(viewer);
  const files = await checkedEvidenceOrThrow(evidence);
  const sim = await simulate(affiliateId, today, input.estimatedIncomeCents);
  if (typeof sim === "string") return { ok: false, code: sim };
  if (sim.kind === "UNCHANGED") return { ok: false, code: "unchanged" };
  const type = sim.kind;
  const accepted = type === "INCREASE";
  const domainType = type === "INCREASE" ? "increase" : "reduction";
  if (accepted && !(transitionRequest(domainType, "submitted", "in-review").ok && transitionRequest(domainType, "in-review", "accepted").ok))
    throw new Error("request transition not allowed");
  const affiliate = await prisma.affiliate.findUniqueOrThrow({ where: { id: affiliateId }, select: { advisorId: true } });
  const deadlines = charterDeadlines({ filedOn: today });
  return withRetry(() =>
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
          return { ok: true as const, reference, status };
        },
        { isolationLevel: "Serializable" },
      ),
  );
}
