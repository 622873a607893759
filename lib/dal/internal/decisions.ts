import "server-only";
import { dbDate, isoDate, todayInBrussels } from "@/lib/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import { charterDeadlines, pausesFromTransitions, type RequestState } from "@/lib/domain";
import { approvedPlanSchedule } from "@/lib/domain/approved-plan-schedule";
import { toDomainState, type DbRequestStatus, type DbRequestType } from "@/lib/db/enums";
import { type Decision } from "@/lib/dto/requests";
import { createAffiliateFromRequest } from "@/lib/dal/internal/affiliation";
import { createPaymentPlan } from "@/lib/dal/internal/payment-plans";
import { planTerms } from "@/lib/dal/internal/requests";
import { refused } from "@/lib/errors";
import { applyContributionChange, type ChangedCall } from "@/lib/dal/internal/contribution-change-effect";
import { applyEndOfActivity } from "@/lib/dal/internal/end-of-activity";
import { applyIllnessAssimilation } from "@/lib/dal/internal/illness-assimilation";
import { issueDecisionLetter } from "@/lib/dal/internal/decision-letters";
import { notify } from "@/lib/dal/internal/notify";

type Tx = Prisma.TransactionClient;

/** Moves the request from `from` to `to` only if nobody changed it meanwhile (no double decision). */
export async function moveStatus(tx: Tx, requestId: string, from: DbRequestStatus, data: Prisma.RequestUncheckedUpdateManyInput) {
  const { count } = await tx.request.updateMany({ where: { id: requestId, status: from }, data });
  if (count !== 1) throw refused("concurrentChange");
}

/** The decision clock after a stay in "information requested": deadlines recomputed from the whole history. */
async function recomputeDeadlines(tx: Tx, requestId: string, filedOn: string, extra: { to: RequestState; on: string }, today: string) {
  const events = await tx.requestEvent.findMany({ where: { requestId }, orderBy: { at: "asc" }, select: { toStatus: true, at: true } });
  const history = [
    ...events.map((e) => ({ to: toDomainState(e.toStatus), on: todayInBrussels(e.at, "") })),
    extra,
  ].map((h) => ({ ...h, on: h.on < filedOn ? filedOn : h.on > today ? today : h.on }));
  return charterDeadlines({ filedOn, pauses: pausesFromTransitions(history, today) });
}

/** The plan of an accepted payment-plan request: the approved terms on the domain's schedule, from today. */
async function putPlanInForce(tx: Tx, r: { id: string; reference: string; affiliateId: string; type: DbRequestType; payload: unknown; filedOn: Date }, actorId: string, today: string) {
  const terms = await planTerms(r);
  if (!terms) return;
  const schedule = approvedPlanSchedule(terms, today);
  if (!schedule.ok) throw refused("planImpossible");
  await createPaymentPlan(tx, {
    affiliateId: r.affiliateId,
    requestId: r.id,
    reference: r.reference,
    debtCents: terms.debtCents,
    advanceCents: terms.advanceCents,
    months: terms.months,
    startOn: today,
    advanceDueOn: schedule.advanceDueOn,
    instalments: schedule.instalments,
    actorId,
    today,
  });
}

export async function applyDecision(
  tx: Tx,
  who: { actorId: string; decidedById: string },
  r: { id: string; reference: string; affiliateId: string | null; status: DbRequestStatus; filedOn: Date; type: DbRequestType; payload: unknown },
  status: DbRequestStatus,
  input: { decision: Decision; reasonCode: string; text: string },
  today: string,
  reasonPrefix = "",
) {
  const final = status === "ACCEPTED" || status === "REFUSED" || status === "CLOSED";
  const data: Prisma.RequestUncheckedUpdateManyInput = { status, proposedById: null, proposedDecision: Prisma.DbNull };
  if (final) Object.assign(data, { decidedAt: new Date(), decidedById: who.decidedById, decisionReasonCode: input.reasonCode || null, decisionText: input.text || null });
  if (input.decision === "information-received") {
    const d = await recomputeDeadlines(tx, r.id, isoDate(r.filedOn), { to: "in-review", on: today }, today);
    Object.assign(data, { decisionDueOn: dbDate(d.decisionDueOn), pausedDays: d.pausedDays });
  }
  await moveStatus(tx, r.id, r.status, data);
  // an accepted affiliation request becomes the dossier, in the same transaction
  if (r.type === "AFFILIATION" && status === "ACCEPTED") {
    const affiliateId = await createAffiliateFromRequest(tx, r, who.decidedById);
    await tx.request.update({ where: { id: r.id }, data: { affiliateId } });
  }
  // an accepted payment plan (inside policy, or outside it with the second approval) is put in force at once
  if (r.type === "PAYMENT_PLAN" && status === "ACCEPTED" && r.affiliateId) await putPlanInForce(tx, { ...r, affiliateId: r.affiliateId }, who.actorId, today);
  // an accepted reduction or increase re-issues the year's calls at once (adjustments on the account)
  const changedCalls: ChangedCall[] =
    (r.type === "REDUCTION" || r.type === "INCREASE") && status === "ACCEPTED" && r.affiliateId ? await applyContributionChange(tx, { ...r, affiliateId: r.affiliateId }, who.actorId, today) : [];
  // an accepted end of activity ends the affiliation and cancels the calls issued for quarters after it
  if (r.type === "END_OF_ACTIVITY" && status === "ACCEPTED" && r.affiliateId) changedCalls.push(...(await applyEndOfActivity(tx, { ...r, affiliateId: r.affiliateId }, who.actorId, today)));
  // an accepted assimilation for illness cancels the calls issued for the quarters it covers
  if (r.type === "ILLNESS_ASSIMILATION" && status === "ACCEPTED" && r.affiliateId) changedCalls.push(...(await applyIllnessAssimilation(tx, { ...r, affiliateId: r.affiliateId }, who.actorId, today)));
  // an accepted continued insurance or joint-liability release changes no account here: the accepted request (its
  // payload: the period and option; the company and years) is the record, and its letter says so
  // every acceptance or refusal of a request that calls for it is a motivated letter in the dossier
  const notices: (string | null)[] = [];
  if (status === "ACCEPTED" || status === "REFUSED") {
    const outcome = status === "ACCEPTED" ? "accepted" : "refused";
    if (await issueDecisionLetter(tx, r, { outcome, reasonCode: input.reasonCode, text: input.text, decidedById: who.decidedById, changedCalls }, today))
      notices.push(await notifyDecision(tx, { ...r, affiliateId: r.affiliateId! }, outcome));
  }
  const reason = reasonPrefix + [input.reasonCode, input.text].filter(Boolean).join(" — ");
  await tx.requestEvent.create({ data: { requestId: r.id, actorId: who.actorId, fromStatus: r.status, toStatus: status, reason: reason || null } });
  return notices;
}

/** The affiliate is told of the decision (inbox and e-mail); an accepted plan says its first payment. */
export async function notifyDecision(tx: Tx, r: { id: string; reference: string; type: DbRequestType; affiliateId: string }, outcome: "accepted" | "refused") {
  const base = { affiliateId: r.affiliateId, path: `/me/requests/${r.reference}`, uniqueKey: `decision:${r.id}` };
  if (r.type === "PAYMENT_PLAN" && outcome === "accepted") {
    const first = await tx.instalment.findFirst({ where: { plan: { requestId: r.id }, amountCents: { gt: 0 } }, orderBy: { seq: "asc" }, select: { amountCents: true, dueOn: true } });
    if (first) return notify(tx, { ...base, path: "/me/pay", kind: "planAccepted", values: { reference: r.reference, amountCents: first.amountCents, dueOn: isoDate(first.dueOn) } });
  }
  return notify(tx, { ...base, kind: outcome === "accepted" ? "decisionAccepted" : "decisionRefused", values: { reference: r.reference, requestType: r.type } });
}
