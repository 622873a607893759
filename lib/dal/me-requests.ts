import "server-only";
import { createPaymentPlan } from "./payment-plans";
import { createTranslator } from "next-intl";
import { prisma } from "@/lib/db/client";
import { dbDate, isoDate } from "@/lib/clock";
import { NotFoundError, ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import {
  addDays,
  addMonths,
  charterDeadlines,
  checkPaymentPlanEligibility,
  decidePaymentPlan,
  transitionRequest,
  yearOf,
  type PaymentPlanRefusal,
  type RequestState,
  type RequestType as DomainRequestType,
} from "@/lib/domain";
import { outstandingByCall } from "@/lib/dal/affiliate";
import { isRetryable } from "@/lib/dal/me-account";
import { formatRequestReference, parseRequestReference } from "@/lib/self-service/reference";
import { sendEmail } from "@/lib/mail/outbox";
import { attachEvidence, checkedEvidenceOrThrow } from "@/lib/dal/me-evidence";
import type { EvidenceUpload } from "@/lib/self-service/evidence";
import { loadMessages } from "@/lib/i18n/messages";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestStatus, RequestType } from "@/lib/generated/prisma/enums";

// Affiliate requests: payment plan (decided at once inside the fund's policy), question/complaint to the named
// advisor, and the status page. Every function takes the viewer first; the dossier is the caller's own.

type Tx = Prisma.TransactionClient;

const DOMAIN_TYPE: Record<RequestType, DomainRequestType> = {
  AFFILIATION: "affiliation",
  PAYMENT_PLAN: "payment-plan",
  REDUCTION: "reduction",
  INCREASE: "increase",
  EXEMPTION: "exemption",
  SURCHARGE_WAIVER: "surcharge-waiver",
  MATERNITY_AID: "maternity-aid",
  BRIDGING_RIGHT: "bridging-right",
  CAREGIVER_ALLOWANCE: "caregiver-allowance",
  QUESTION: "question",
  COMPLAINT: "complaint",
};
const DOMAIN_STATE: Partial<Record<RequestStatus, RequestState>> = {
  DRAFT: "draft",
  SUBMITTED: "submitted",
  IN_REVIEW: "in-review",
  INFORMATION_REQUESTED: "information-requested",
  ACCEPTED: "accepted",
  REFUSED: "refused",
  WITHDRAWN: "withdrawn",
  CLOSED: "closed",
};

/** The request state machine of the domain, applied to the stored statuses (throws on a forbidden move). */
function assertTransition(type: RequestType, from: RequestStatus, to: RequestStatus) {
  const f = DOMAIN_STATE[from];
  const t = DOMAIN_STATE[to];
  if (!f || !t || !transitionRequest(DOMAIN_TYPE[type], f, t).ok) throw new Error(`request transition ${from} → ${to} not allowed`);
}

/** Next free 'D-YYYY-NNNNNN' for the year (the unique index refuses a concurrent duplicate; callers retry). */
export async function nextReference(tx: Tx, year: number): Promise<string> {
  const last = await tx.request.findFirst({
    where: { reference: { startsWith: `D-${year}-` } },
    orderBy: { reference: "desc" },
    select: { reference: true },
  });
  const serial = last ? (parseRequestReference(last.reference)?.serial ?? 0) + 1 : 1;
  return formatRequestReference(year, serial);
}

export async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt < 5 && isRetryable(error)) continue;
      throw error;
    }
  }
}

/**
 * Files an affiliate's request decided later by the dossier's advisor (exemption, surcharge waiver, bridging right,
 * caregiver allowance): SUBMITTED with its Charte decision deadline, assigned to the advisor, its first event and its
 * evidence — all in one serializable transaction (retried on a conflict), so a refused file or a duplicate writes
 * nothing. `isDuplicate` runs inside that transaction (two concurrent submissions cannot both pass); `alsoWrite`
 * adds what belongs to the request (e.g. its BenefitClaim). Returns null when `isDuplicate` says so.
 */
export async function fileSubmittedRequest(
  viewer: Viewer,
  affiliateId: string,
  today: string,
  input: {
    type: RequestType;
    payload: Record<string, unknown>;
    evidence: readonly EvidenceUpload[];
    isDuplicate: (tx: Tx) => Promise<boolean>;
    alsoWrite?: (tx: Tx, requestId: string) => Promise<unknown>;
  },
): Promise<{ reference: string; decisionDueOn: string } | null> {
  const files = await checkedEvidenceOrThrow(input.evidence);
  const affiliate = await prisma.affiliate.findUniqueOrThrow({ where: { id: affiliateId }, select: { advisorId: true } });
  const { decisionDueOn } = charterDeadlines({ filedOn: today });
  const reference = await withRetry(() =>
    prisma.$transaction(
      async (tx) => {
        if (await input.isDuplicate(tx)) return null;
        const reference = await nextReference(tx, yearOf(today));
        const request = await tx.request.create({
          data: {
            reference,
            type: input.type,
            status: "SUBMITTED",
            affiliateId,
            payload: input.payload as Prisma.InputJsonObject,
            filedOn: dbDate(today),
            decisionDueOn: dbDate(decisionDueOn),
            assigneeId: affiliate.advisorId,
            events: { create: [{ toStatus: "SUBMITTED", actorId: viewer.userId }] },
          },
        });
        await input.alsoWrite?.(tx, request.id);
        await attachEvidence(tx, affiliateId, request.id, files);
        return reference;
      },
      { isolationLevel: "Serializable" },
    ),
  );
  return reference ? { reference, decisionDueOn } : null;
}

// ───────────────────────────── payment plan ─────────────────────────────

export type PlanSimulation = {
  debtCents: number;
  requiredAdvanceCents: number;
  months: number;
  advanceDueOn: string;
  firstInstalmentOn: string;
  eligible: boolean;
  refusals: PaymentPlanRefusal[];
  instalments: { number: number; dueOn: string; amountCents: number }[];
};

/** Overdue debt of the caller (calls past their due date, still open) and the facts the plan policy needs. */
async function planContext(affiliateId: string, today: string) {
  const [calls, outstanding, judicial, activePlans, broken] = await Promise.all([
    prisma.contributionCall.findMany({ where: { affiliateId, dueOn: { lt: dbDate(today) } }, select: { id: true } }),
    outstandingByCall(affiliateId),
    prisma.recoveryCase.count({ where: { affiliateId, status: "JUDICIAL" } }),
    prisma.paymentPlan.count({ where: { affiliateId, status: "ACTIVE" } }),
    prisma.paymentPlan.findMany({ where: { affiliateId, status: "BROKEN", brokenOn: { not: null } }, select: { brokenOn: true } }),
  ]);
  const debtCents = calls.reduce((s, c) => s + Math.max(0, outstanding.get(c.id) ?? 0), 0);
  return {
    debtCents,
    judicialRecoveryPending: judicial > 0,
    activePlan: activePlans > 0,
    brokenPlansOn: broken.map((b) => isoDate(b.brokenOn!)),
  };
}

/**
 * What the fund's policy says about a plan in `months` instalments for the caller's overdue debt. The affiliate
 * commits to the required advance (instalment 0, due 15 days after filing), so it counts as the advance offered.
 */
export async function simulateMyPaymentPlan(viewer: Viewer | null, today: string, input: { months: number }): Promise<PlanSimulation> {
  const affiliateId = ownAffiliateId(viewer);
  const ctx = await planContext(affiliateId, today);
  const firstInstalmentOn = addMonths(today, 1);
  const advanceDueOn = addDays(today, 15);
  const request = { debtCents: ctx.debtCents, months: input.months, firstInstalmentOn };
  const eligibility = checkPaymentPlanEligibility(request, { today, ...ctx, advancePaidCents: 0 });
  const advance = eligibility.requiredAdvanceCents;
  const decision = decidePaymentPlan(request, { today, ...ctx, advancePaidCents: advance });
  return {
    debtCents: ctx.debtCents,
    requiredAdvanceCents: advance,
    months: input.months,
    advanceDueOn,
    firstInstalmentOn,
    eligible: decision.ok,
    refusals: decision.ok ? [] : decision.refusals,
    instalments: decision.ok ? decision.instalments : [],
  };
}

export type FiledRequest = { reference: string; status: RequestStatus };

/** Files a payment-plan request: inside the policy it is accepted at once (plan + instalments with their
 *  communications); outside, it goes to the advisor with the reasons. A second active plan is refused. */
export async function requestMyPaymentPlan(viewer: Viewer | null, today: string, input: { months: number }): Promise<FiledRequest> {
  const affiliateId = ownAffiliateId(viewer);
  const sim = await simulateMyPaymentPlan(viewer, today, input);
  const affiliate = await prisma.affiliate.findUniqueOrThrow({ where: { id: affiliateId }, select: { advisorId: true } });
  const deadlines = charterDeadlines({ filedOn: today });
  return withRetry(() =>
    prisma.$transaction(
      async (tx) => {
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
        return { reference, status };
      },
      { isolationLevel: "Serializable" },
    ),
  );
}

// ───────────────────────────── question / complaint ─────────────────────────────

/** A question or complaint to the dossier's named advisor: request + thread + first message, answer due in 45 days,
 *  and an e-mail to the advisor in their language. */
export async function askMyAdvisor(
  viewer: Viewer | null,
  today: string,
  input: { kind: "QUESTION" | "COMPLAINT"; subject: string; body: string },
  evidence: readonly EvidenceUpload[] = [],
): Promise<FiledRequest & { answerDueOn: string }> {
  const affiliateId = ownAffiliateId(viewer);
  const files = await checkedEvidenceOrThrow(evidence);
  const affiliate = await prisma.affiliate.findUniqueOrThrow({
    where: { id: affiliateId },
    select: { memberNumber: true, advisorId: true, advisor: { select: { email: true, locale: true } } },
  });
  const deadlines = charterDeadlines({ filedOn: today });
  const result = await withRetry(() =>
    prisma.$transaction(
      async (tx) => {
        const reference = await nextReference(tx, yearOf(today));
        const request = await tx.request.create({
          data: {
            reference,
            type: input.kind,
            status: "SUBMITTED",
            affiliateId,
            payload: { subject: input.subject },
            filedOn: dbDate(today),
            informationDueOn: dbDate(deadlines.informationDueOn),
            assigneeId: affiliate.advisorId,
            events: { create: [{ toStatus: "SUBMITTED", actorId: viewer!.userId }] },
          },
        });
        await tx.messageThread.create({
          data: {
            affiliateId,
            requestId: request.id,
            subject: input.subject,
            status: "OPEN",
            answerDueOn: dbDate(deadlines.informationDueOn),
            messages: { create: [{ authorId: viewer!.userId, body: input.body }] },
          },
        });
        await attachEvidence(tx, affiliateId, request.id, files);
        return { reference, status: "SUBMITTED" as RequestStatus, requestId: request.id };
      },
      { isolationLevel: "Serializable" },
    ),
  );
  if (affiliate.advisor) {
    const locale = affiliate.advisor.locale;
    const t = createTranslator({ locale, messages: await loadMessages(locale) }) as unknown as (key: string, values?: Record<string, string>) => string;
    await sendEmail({
      to: affiliate.advisor.email,
      subject: t("ss_mail.toAdvisorSubject", { reference: result.reference }),
      text: t("ss_mail.toAdvisorText", { reference: result.reference, memberNumber: affiliate.memberNumber, subject: input.subject, dueOn: deadlines.informationDueOn }),
      template: "message.toAdvisor",
      affiliateId,
      uniqueKey: `question:${result.requestId}`,
    });
  }
  return { reference: result.reference, status: result.status, answerDueOn: deadlines.informationDueOn };
}

// ───────────────────────────── status pages ─────────────────────────────

export type MyRequestSummary = { reference: string; type: RequestType; status: RequestStatus; filedOn: string };
export type MyRequestDetail = MyRequestSummary & {
  informationDueOn: string | null;
  decisionDueOn: string | null;
  payload: Record<string, unknown>;
  events: { at: string; fromStatus: RequestStatus | null; toStatus: RequestStatus; reason: string | null }[];
  plan: { status: string; debtCents: number; advanceCents: number; months: number; instalments: { seq: number; dueOn: string; amountCents: number; paidCents: number; structuredCommunication: string }[] } | null;
  thread: { subject: string; answerDueOn: string; messages: { mine: boolean; body: string; at: string }[] } | null;
  evidence: { id: string; fileName: string; mimeType: string; sizeBytes: number }[];
};

export async function listMyRequests(viewer: Viewer | null): Promise<MyRequestSummary[]> {
  const affiliateId = ownAffiliateId(viewer);
  const rows = await prisma.request.findMany({
    where: { affiliateId },
    orderBy: [{ filedOn: "desc" }, { reference: "desc" }],
    select: { reference: true, type: true, status: true, filedOn: true },
  });
  return rows.map((r) => ({ ...r, filedOn: isoDate(r.filedOn) }));
}

/** One request of the caller by its reference, with its timeline; another dossier's request is a 404. */
export async function getMyRequest(viewer: Viewer | null, reference: string): Promise<MyRequestDetail> {
  const affiliateId = ownAffiliateId(viewer);
  const r = await prisma.request.findFirst({
    where: { reference, affiliateId },
    include: {
      events: { orderBy: [{ at: "asc" }, { id: "asc" }] },
      plan: { include: { instalments: { orderBy: { seq: "asc" } } } },
      thread: { include: { messages: { orderBy: { createdAt: "asc" } } } },
      documents: { where: { kind: "EVIDENCE" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, fileName: true, mimeType: true, sizeBytes: true } },
    },
  });
  if (!r) throw new NotFoundError("request");
  return {
    reference: r.reference,
    type: r.type,
    status: r.status,
    filedOn: isoDate(r.filedOn),
    informationDueOn: r.informationDueOn ? isoDate(r.informationDueOn) : null,
    decisionDueOn: r.decisionDueOn ? isoDate(r.decisionDueOn) : null,
    payload: (r.payload ?? {}) as Record<string, unknown>,
    events: r.events.map((e) => ({ at: e.at.toISOString(), fromStatus: e.fromStatus, toStatus: e.toStatus, reason: e.reason })),
    plan: r.plan
      ? {
          status: r.plan.status,
          debtCents: r.plan.debtCents,
          advanceCents: r.plan.advanceCents,
          months: r.plan.months,
          instalments: r.plan.instalments.map((i) => ({ seq: i.seq, dueOn: isoDate(i.dueOn), amountCents: i.amountCents, paidCents: i.paidCents, structuredCommunication: i.structuredCommunication })),
        }
      : null,
    thread: r.thread
      ? {
          subject: r.thread.subject,
          answerDueOn: isoDate(r.thread.answerDueOn),
          messages: r.thread.messages.map((m) => ({ mine: m.authorId === viewer!.userId, body: m.body, at: m.createdAt.toISOString() })),
        }
      : null,
    evidence: r.documents,
  };
}
