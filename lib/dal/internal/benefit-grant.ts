import "server-only";
import { dbDate } from "@/lib/clock";
import { charterPaymentDueOn } from "@/lib/domain";
import { transitionRequest, type RequestState } from "@/lib/domain/transition-request";
import { toDbStatus, toDomainState, toDomainType, type DbRequestStatus, type DbRequestType } from "@/lib/db/enums";
import { issueDecisionLetter } from "@/lib/dal/internal/decision-letters";
import { notify } from "@/lib/dal/internal/notify";
import { Prisma } from "@/lib/generated/prisma/client";
import { type Grant } from "@/lib/dto/benefits";
import { refused } from "@/lib/errors";

// Granting a bridging-right or caregiver claim, whichever way it is decided — the grant button of the benefit page,
// the acceptance of its request, or a second advisor approving an override (lib/dal/internal/benefit-override.ts):
// the claim becomes GRANTED with its monthly amount and the Charte's payment deadline, and its request ACCEPTED, in
// one transaction with its decision letter (the database refuses a request and a claim that disagree).

type Tx = Prisma.TransactionClient;

/** The request's path to "accepted" through the domain's state machine (each step becomes a RequestEvent). */
export function pathToAccepted(type: string, status: string): RequestState[] | null {
  const domainType = toDomainType(type as never);
  let state = toDomainState(status as never);
  const path: RequestState[] = [];
  for (const next of ["in-review", "accepted"] as const) {
    if (state === "in-review" && next === "in-review") continue;
    const r = transitionRequest(domainType, state, next);
    if (!r.ok) return null;
    path.push(r.state);
    state = r.state;
  }
  return path;
}

export type GrantToWrite = {
  claimId: string;
  request: { id: string; status: DbRequestStatus; payload: unknown; reference: string; type: DbRequestType; affiliateId: string | null; filedOn: Date };
  /** the request's statuses on the way (from pathToAccepted), or straight to ACCEPTED after a second approval */
  path: DbRequestStatus[];
  months: number;
  monthlyAmountCents: number;
  firstMonthOn: string;
  actorId: string;
  decidedById: string;
  /** the decision's reason on the request (benefit.granted, benefit.override) and the last event's words */
  reasonCode: string;
  eventReason: string;
  decisionText?: string | null;
  override?: { unmet: string[]; proposedById: string; approvedById: string } | null;
};

/** Writes the grant: claim CLAIMED → GRANTED, the request along `path` to ACCEPTED, one audit-log row. */
export async function writeGrant(tx: Tx, g: GrantToWrite, today: string): Promise<{ paymentDueOn: string; notice: string | null }> {
  const paymentDueOn = charterPaymentDueOn(today);
  const moved = await tx.benefitClaim.updateMany({ where: { id: g.claimId, status: "CLAIMED" }, data: { status: "GRANTED", monthlyAmountCents: g.monthlyAmountCents, paymentDueOn: dbDate(paymentDueOn) } });
  if (moved.count !== 1) throw refused("concurrentChange");
  const grant: Grant = { months: g.months, monthlyAmountCents: g.monthlyAmountCents, grantedOn: today, firstMonthOn: g.firstMonthOn };
  let from = g.request.status;
  for (const [i, to] of g.path.entries()) {
    const final = i === g.path.length - 1;
    const data: Prisma.RequestUncheckedUpdateManyInput = final
      ? {
          status: to, decidedAt: new Date(), decidedById: g.decidedById, decisionReasonCode: g.reasonCode, decisionText: g.decisionText ?? null,
          proposedById: null, proposedDecision: Prisma.DbNull,
          payload: { ...((g.request.payload ?? {}) as object), grant, ...(g.override ? { override: g.override } : {}) },
        }
      : { status: to };
    const r = await tx.request.updateMany({ where: { id: g.request.id, status: from }, data });
    if (r.count !== 1) throw refused("concurrentChange");
    await tx.requestEvent.create({ data: { requestId: g.request.id, actorId: g.actorId, fromStatus: from, toStatus: to, reason: final ? g.eventReason : "benefit.review" } });
    from = to;
  }
  // the motivated decision letter in the dossier, as for every accepted request
  await issueDecisionLetter(tx, g.request, { outcome: "accepted", reasonCode: g.reasonCode, text: g.decisionText ?? "", decidedById: g.decidedById }, today);
  await tx.auditLog.create({
    data: { actorId: g.actorId, action: g.override ? "benefit.grant-override" : "benefit.grant", entity: "BenefitClaim", entityId: g.claimId, details: { months: g.months, monthlyAmountCents: g.monthlyAmountCents, paymentDueOn, ...(g.override ?? {}) } },
  });
  // "your request is accepted": months, monthly amount and the payment deadline — inbox and e-mail (deliverNotices after the commit)
  const notice = g.request.affiliateId
    ? await notify(tx, {
        affiliateId: g.request.affiliateId,
        kind: "benefitGranted",
        values: { reference: g.request.reference, benefit: g.request.type, months: g.months, monthlyAmountCents: g.monthlyAmountCents, paymentDueOn },
        path: `/me/requests/${g.request.reference}`,
        uniqueKey: `benefit-granted:${g.claimId}`,
      })
    : null;
  return { paymentDueOn, notice };
}

/** The path of a request to ACCEPTED as stored statuses, or null when the state machine does not allow it. */
export function storedPathToAccepted(type: string, status: string): DbRequestStatus[] | null {
  const path = pathToAccepted(type, status);
  return path ? path.map((s) => toDbStatus(s)) : null;
}
