import "server-only";
import { createPaymentPlan } from "@/lib/dal/internal/payment-plans";
import { prisma } from "@/lib/db/client";
import { dbDate } from "@/lib/clock";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { charterDeadlines, transitionRequest, yearOf } from "@/lib/domain";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { nextReference } from "@/lib/dal/internal/requests-filing";
import { withRetry } from "@/lib/dal/internal/retry";
import { simulateMyPaymentPlan } from "@/lib/dal/requests/simulate-my-payment-plan";
import { type FiledRequest } from "@/lib/dto/requests";
import { toDomainState, toDomainType } from "@/lib/db/enums";
import { refused } from "@/lib/errors";
import { issueDecisionLetter } from "@/lib/dal/internal/decision-letters";
import { notifyDecision } from "@/lib/dal/internal/decisions";
import { deliverNotices } from "@/lib/dal/internal/deliver-notices";

/** The request state machine of the domain, applied to the stored statuses (throws on a forbidden move). */
function assertTransition(type: RequestType, from: RequestStatus, to: RequestStatus) {
  if (!transitionRequest(toDomainType(type), toDomainState(from), toDomainState(to)).ok) throw new Error(`request transition ${from} → ${to} not allowed`);
}

/** Files a payment-plan request: inside the policy it is accepted at once (plan + instalments with their
 *  communications); outside, it goes to the advisor with the reasons. A second active plan is refused. */
export async function requestMyPaymentPlan(viewer: Viewer | null, today: string, input: { months: number }): Promise<FiledRequest> {
  const affiliateId = ownAffiliateId(viewer, "file");
  const sim = await simulateMyPaymentPlan(viewer, today, input);
  const affiliate = await prisma.affiliate.findUniqueOrThrow({ where: { id: affiliateId }, select: { advisorId: true } });
  const deadlines = charterDeadlines({ filedOn: today });
  let notice: string | null = null;
  const filed = await withRetry(() =>
    prisma.$transaction(
      async (tx) => {
        // read again inside the transaction (and on every retry): the policy was checked before it opened, and a
        // second submission (double click, two tabs) must not put a second plan in force — the database's unique
        // index on the debtor's active plan refuses it anyway
        if (sim.eligible && (await tx.paymentPlan.count({ where: { affiliateId, status: "ACTIVE" } })) > 0) throw refused("planAlreadyActive");
        const reference = await nextReference(tx, yearOf(today));
        const status: RequestStatus = sim.eligible ? "ACCEPTED" : "SUBMITTED";
        const events: Prisma.RequestEventUncheckedCreateWithoutRequestInput[] = [
          { toStatus: "SUBMITTED", actorId: viewer!.userId, reason: sim.eligible ? null : `plan.outsidePolicy:${sim.refusals.join(",")}` },
        ];
        if (sim.eligible) {
          assertTransition("PAYMENT_PLAN", "SUBMITTED", "IN_REVIEW");
          assertTransition("PAYMENT_PLAN", "IN_REVIEW", "ACCEPTED");
          events.push({ fromStatus: "SUBMITTED", toStatus: "IN_REVIEW", reason: "plan.automatic" }, { fromStatus: "IN_REVIEW", toStatus: "ACCEPTED", reason: "plan.withinPolicy" });
        }
        const request = await tx.request.create({
          data: {
            reference,
            type: "PAYMENT_PLAN",
            status,
            affiliateId,
            payload: { months: sim.months, debtCents: sim.debtCents, advanceCents: sim.requiredAdvanceCents, refusals: sim.refusals },
            filedOn: dbDate(today),
            decisionDueOn: dbDate(deadlines.decisionDueOn),
            assigneeId: sim.eligible ? null : affiliate.advisorId,
            decidedAt: sim.eligible ? new Date() : null,
            decisionReasonCode: sim.eligible ? "plan.withinPolicy" : null,
            events: { create: events.map((e, i) => ({ ...e, at: new Date(Date.now() + i) })) },
          },
        });
        if (!sim.eligible) return { reference, status };
        // the same function the back office uses when a second advisor approves a plan outside the policy:
        // plan + instalments with their communications, and the dossier's recovery suspended
        await createPaymentPlan(tx, {
          affiliateId,
          requestId: request.id,
          reference,
          debtCents: sim.debtCents,
          advanceCents: sim.requiredAdvanceCents,
          months: sim.months,
          startOn: today,
          advanceDueOn: sim.advanceDueOn,
          instalments: sim.instalments,
          actorId: viewer!.userId,
          today,
        });
        // accepted at once: the decision letter (with the plan's instalments) and the notice, like an advisor's acceptance
        await issueDecisionLetter(tx, request, { outcome: "accepted", reasonCode: "", text: "", decidedById: viewer!.userId }, today);
        notice = await notifyDecision(tx, { ...request, affiliateId }, "accepted");
        return { reference, status };
      },
      { isolationLevel: "Serializable" },
    ),
  );
  await deliverNotices([notice]);
  return filed;
}
