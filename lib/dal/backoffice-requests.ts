import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate, isoDate, todayInBrussels } from "@/lib/clock";
import { assertPermission, NotFoundError, type Viewer } from "@/lib/auth/viewer";
import { can } from "@/lib/auth/permissions";
import { Prisma } from "@/lib/generated/prisma/client";
import { addMonths, charterDeadlines, pausesFromTransitions, type RequestState } from "@/lib/domain";
import {
  approvedPlanSchedule,
  availableDecisions,
  BENEFIT_REQUEST_TYPES,
  inastiStep,
  isInastiRequest,
  checkDecision,
  checkSecondApprover,
  deadlineKind,
  decisionTarget,
  needsSecondApproval,
  OPEN_REQUEST_STATUSES,
  planOutsidePolicy,
  toDbStatus,
  toDomainState,
  type Decision,
  type DbRequestStatus,
  type DbRequestType,
  type PlanTerms,
} from "@/lib/backoffice/requests";
import { daysLeft, deadlineBadge, effectiveDueOn, type DeadlineBadge } from "@/lib/backoffice/deadline";
import { BackofficeError } from "@/lib/backoffice/errors";
import { renderDecisionLetter } from "@/lib/formats/pdf/decision-letter";
import { affiliationLeadTime, createAffiliateFromRequest, welcomeNewAffiliate, welcomeStatus } from "./backoffice-affiliation";
import { inastiDetails, type InastiTrack } from "./backoffice-inasti";
import { createPaymentPlan } from "./payment-plans";

// Work queues and decisions of the back office. Every function checks the viewer first; a missing record is a
// NotFoundError; a business refusal (state machine, four eyes) is a BackofficeError with a message code.

export type QueueItem = {
  kind: "request" | "thread";
  id: string;
  reference: string | null;
  type: DbRequestType | "MESSAGE";
  status: string;
  affiliateId: string;
  dossierName: string;
  memberNumber: string;
  assigneeId: string | null;
  assigneeName: string | null;
  dossierAdvisorName: string | null;
  filedOn: string;
  dueOn: string;
  deadline: "information" | "decision" | "answer";
  daysLeft: number;
  badge: DeadlineBadge;
};

export type QueueFilters = { type?: string; advisor?: string };

export type StaffMember = { id: string; name: string };

function dossierName(a: { person: { firstName: string; lastName: string } | null; company: { name: string } | null }): string {
  return a.person ? `${a.person.lastName}, ${a.person.firstName}` : (a.company?.name ?? "");
}

/** The applicant of an affiliation request (no dossier yet). */
function applicantName(payload: unknown): string {
  const p = (payload ?? {}) as { firstName?: string; lastName?: string };
  return p.lastName ? `${p.lastName}, ${p.firstName ?? ""}` : "";
}

const dossierSelect = {
  memberNumber: true,
  person: { select: { firstName: true, lastName: true } },
  company: { select: { name: true } },
  advisor: { select: { id: true, name: true } },
} as const;

/** Advisors who can be assigned work. */
export async function listAdvisors(viewer: Viewer | null): Promise<StaffMember[]> {
  assertPermission(viewer, "dossier:read:any");
  return prisma.user.findMany({ where: { role: "ADVISOR", disabledAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** All open requests and unanswered message threads, the closest legal deadline first. */
export async function listWorkQueue(viewer: Viewer | null, filters: QueueFilters, today: string): Promise<QueueItem[]> {
  assertPermission(viewer, "dossier:read:any");
  const advisor = filters.advisor === "me" ? viewer.userId : filters.advisor;
  const wantThreads = !filters.type || filters.type === "MESSAGE";
  const wantRequests = !filters.type || filters.type !== "MESSAGE";
  const requestWhere: Prisma.RequestWhereInput = { status: { in: [...OPEN_REQUEST_STATUSES] } };
  if (filters.type && filters.type !== "MESSAGE") requestWhere.type = filters.type as DbRequestType;
  if (advisor === "none") requestWhere.assigneeId = null;
  else if (advisor) requestWhere.assigneeId = advisor;
  const [requests, threads] = await Promise.all([
    wantRequests
      ? prisma.request.findMany({
          where: requestWhere,
          include: {
            affiliate: { select: dossierSelect },
            assignee: { select: { name: true } },
            events: { where: { toStatus: "INFORMATION_REQUESTED" }, orderBy: { at: "desc" }, take: 1, select: { at: true } },
          },
        })
      : [],
    wantThreads
      ? prisma.messageThread.findMany({
          where: {
            status: "OPEN",
            ...(advisor === "none" ? { affiliate: { advisorId: null } } : advisor ? { affiliate: { advisorId: advisor } } : {}),
          },
          include: { affiliate: { select: dossierSelect } },
        })
      : [],
  ]);
  const items: QueueItem[] = [];
  for (const r of requests) {
    if (!r.affiliate && r.type !== "AFFILIATION") continue;
    const kind = deadlineKind(r.type);
    const stored = kind === "information" ? r.informationDueOn : r.decisionDueOn;
    const filedOn = isoDate(r.filedOn);
    const base = stored ? isoDate(stored) : charterDeadlines({ filedOn })[kind === "information" ? "informationDueOn" : "decisionDueOn"];
    const paused = r.status === "INFORMATION_REQUESTED";
    const pausedSince = paused && r.events[0] ? todayInBrussels(r.events[0].at, "") : null;
    const dueOn = kind === "decision" ? effectiveDueOn({ dueOn: base, pausedSince, today }) : base;
    items.push({
      kind: "request",
      id: r.id,
      reference: r.reference,
      type: r.type,
      status: r.status,
      affiliateId: r.affiliateId ?? "",
      dossierName: r.affiliate ? dossierName(r.affiliate) : applicantName(r.payload),
      memberNumber: r.affiliate?.memberNumber ?? "",
      assigneeId: r.assigneeId,
      assigneeName: r.assignee?.name ?? null,
      dossierAdvisorName: r.affiliate?.advisor?.name ?? null,
      filedOn,
      dueOn,
      deadline: kind,
      daysLeft: daysLeft(dueOn, today),
      badge: deadlineBadge({ dueOn, today, paused, forwarded: r.status === "FORWARDED" }),
    });
  }
  for (const t of threads) {
    const dueOn = isoDate(t.answerDueOn);
    items.push({
      kind: "thread",
      id: t.id,
      reference: null,
      type: "MESSAGE",
      status: t.status,
      affiliateId: t.affiliateId,
      dossierName: dossierName(t.affiliate),
      memberNumber: t.affiliate.memberNumber,
      assigneeId: t.affiliate.advisor?.id ?? null,
      assigneeName: t.affiliate.advisor?.name ?? null,
      dossierAdvisorName: t.affiliate.advisor?.name ?? null,
      filedOn: todayInBrussels(t.createdAt, ""),
      dueOn,
      deadline: "answer",
      daysLeft: daysLeft(dueOn, today),
      badge: deadlineBadge({ dueOn, today, paused: false }),
    });
  }
  // closest deadline first; a paused clock is not running, so it goes after the running ones of the same day; a
  // request with INASTI runs on INASTI's clock, not the fund's: those come last
  const rank = (i: QueueItem) => (i.badge === "forwarded" ? 1 : 0);
  return items.sort((a, b) => rank(a) - rank(b) || a.daysLeft - b.daysLeft || Number(a.badge === "paused") - Number(b.badge === "paused") || a.filedOn.localeCompare(b.filedOn) || a.id.localeCompare(b.id));
}

async function assertAssignable(userId: string) {
  const u = await prisma.user.findUnique({ where: { id: userId }, select: { role: true, disabledAt: true } });
  if (!u || u.role !== "ADVISOR" || u.disabledAt) throw new BackofficeError("assigneeNotAdvisor");
}

/** Assigns a request to an advisor (me or a colleague); recorded in the audit log. */
export async function assignRequest(viewer: Viewer | null, input: { requestId: string; assigneeId: string }): Promise<void> {
  assertPermission(viewer, "request:decide");
  const r = await prisma.request.findUnique({ where: { id: input.requestId }, select: { id: true, assigneeId: true } });
  if (!r) throw new NotFoundError("request");
  await assertAssignable(input.assigneeId);
  await prisma.$transaction([
    prisma.request.update({ where: { id: r.id }, data: { assigneeId: input.assigneeId } }),
    prisma.auditLog.create({ data: { actorId: viewer.userId, action: "request.assign", entity: "Request", entityId: r.id, details: { from: r.assigneeId, to: input.assigneeId } } }),
  ]);
}

/** Names the advisor in charge of a dossier ("votre interlocuteur"). */
export async function assignDossierAdvisor(viewer: Viewer | null, input: { affiliateId: string; advisorId: string }): Promise<void> {
  assertPermission(viewer, "request:decide");
  const a = await prisma.affiliate.findUnique({ where: { id: input.affiliateId }, select: { id: true, advisorId: true } });
  if (!a) throw new NotFoundError("dossier");
  await assertAssignable(input.advisorId);
  await prisma.$transaction([
    prisma.affiliate.update({ where: { id: a.id }, data: { advisorId: input.advisorId } }),
    prisma.auditLog.create({ data: { actorId: viewer.userId, action: "dossier.advisor", entity: "Affiliate", entityId: a.id, details: { from: a.advisorId, to: input.advisorId } } }),
  ]);
}

// ───────────────────────────── request detail and decisions ─────────────────────────────

export type Proposal = { decision: Decision; reasonCode: string; text: string; proposedById: string; proposedByName: string; planRefusals: string[] };

export type StaffRequestView = {
  id: string;
  reference: string;
  type: DbRequestType;
  status: DbRequestStatus;
  affiliateId: string | null;
  dossierName: string;
  memberNumber: string;
  payload: Record<string, unknown>;
  filedOn: string;
  dueOn: string | null;
  badge: DeadlineBadge | null;
  pausedDays: number;
  assigneeName: string | null;
  decisionReasonCode: string | null;
  decisionText: string | null;
  decidedByName: string | null;
  decisions: Decision[];
  proposal: Proposal | null;
  canApprove: boolean;
  planTerms: PlanTerms | null;
  planRefusals: string[];
  events: { at: string; actorName: string | null; from: string | null; to: string; reason: string | null }[];
  documents: { id: string; kind: string; fileName: string; createdAt: string }[];
  /** affiliation requests: days from the request to the affiliation */
  leadTimeDays: number | null;
  /** accepted affiliation: its welcome pack, the quarters called, the welcome e-mail (null: no e-mail address) */
  welcome: { pack: boolean; quarters: number; email: boolean | null } | null;
  /** exemption / surcharge waiver: the INASTI step open to this staff member, what was sent and decided, the calls */
  inasti: { step: "forward" | "record" | null; track: InastiTrack | null; calls: { id: string; year: number; quarter: number; kind: string }[] } | null;
  /** bridging right, caregiver allowance, maternity aid: the benefit claim checked and granted on /staff/benefits */
  benefitClaimId: string | null;
};

/** The debt a payment-plan request is about: the amount stated in the request, else the dossier's balance. */
async function planTerms(r: { type: DbRequestType; payload: unknown; affiliateId: string | null; filedOn: Date }): Promise<PlanTerms | null> {
  if (r.type !== "PAYMENT_PLAN" || !r.affiliateId) return null;
  const p = (r.payload ?? {}) as { debtCents?: number; advanceCents?: number; months?: number };
  let debtCents = typeof p.debtCents === "number" ? p.debtCents : null;
  if (debtCents === null) {
    const b = await prisma.ledgerEntry.aggregate({ where: { affiliateId: r.affiliateId }, _sum: { amountCents: true } });
    debtCents = Math.max(0, b._sum.amountCents ?? 0);
  }
  const filedOn = isoDate(r.filedOn);
  return { debtCents, advanceCents: p.advanceCents ?? 0, months: p.months ?? 1, firstInstalmentOn: addMonths(filedOn, 1) };
}

export async function getRequestForStaff(viewer: Viewer | null, requestId: string, today: string): Promise<StaffRequestView> {
  assertPermission(viewer, "dossier:read:any");
  const r = await prisma.request.findUnique({
    where: { id: requestId },
    include: {
      affiliate: { select: dossierSelect },
      assignee: { select: { name: true } },
      events: { orderBy: [{ at: "asc" }, { id: "asc" }], include: { actor: { select: { name: true } } } },
      documents: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, fileName: true, createdAt: true } },
      benefitClaim: { select: { id: true } },
    },
  });
  if (!r) throw new NotFoundError("request");
  const inasti = isInastiRequest(r.type)
    ? { step: can(viewer.role, "request:decide") ? inastiStep(r.type, r.status) : null, ...(await inastiDetails(viewer, r.id)) }
    : null;
  const terms = await planTerms(r);
  const proposed = r.proposedDecision as { decision: Decision; reasonCode: string; text: string; planRefusals?: string[] } | null;
  const proposer = r.proposedById ? await prisma.user.findUnique({ where: { id: r.proposedById }, select: { name: true } }) : null;
  const decider = r.decidedById ? await prisma.user.findUnique({ where: { id: r.decidedById }, select: { name: true } }) : null;
  const open = OPEN_REQUEST_STATUSES.includes(r.status);
  const kind = deadlineKind(r.type);
  const stored = kind === "information" ? r.informationDueOn : r.decisionDueOn;
  const lastPause = [...r.events].reverse().find((e) => e.toStatus === "INFORMATION_REQUESTED");
  const paused = r.status === "INFORMATION_REQUESTED";
  const dueOn = stored ? effectiveDueOn({ dueOn: isoDate(stored), pausedSince: paused && lastPause ? todayInBrussels(lastPause.at, "") : null, today }) : null;
  return {
    id: r.id,
    reference: r.reference,
    type: r.type,
    status: r.status,
    affiliateId: r.affiliateId,
    dossierName: r.affiliate ? dossierName(r.affiliate) : applicantName(r.payload),
    memberNumber: r.affiliate?.memberNumber ?? "",
    payload: (r.payload ?? {}) as Record<string, unknown>,
    filedOn: isoDate(r.filedOn),
    dueOn,
    badge: open && dueOn ? deadlineBadge({ dueOn, today, paused, forwarded: r.status === "FORWARDED" }) : null,
    pausedDays: r.pausedDays,
    assigneeName: r.assignee?.name ?? null,
    decisionReasonCode: r.decisionReasonCode,
    decisionText: r.decisionText,
    decidedByName: decider?.name ?? null,
    decisions: can(viewer.role, "request:decide") ? availableDecisions(r.type, r.status) : [],
    proposal: proposed && r.proposedById
      ? { ...proposed, planRefusals: proposed.planRefusals ?? [], proposedById: r.proposedById, proposedByName: proposer?.name ?? "" }
      : null,
    canApprove: r.status === "AWAITING_SECOND_APPROVAL" && can(viewer.role, "request:approve-second") && r.proposedById !== viewer.userId,
    planTerms: terms,
    planRefusals: terms ? planOutsidePolicy(terms) : [],
    events: r.events.map((e) => ({ at: e.at.toISOString(), actorName: e.actor?.name ?? null, from: e.fromStatus, to: e.toStatus, reason: e.reason })),
    documents: r.documents.map((d) => ({ id: d.id, kind: d.kind, fileName: d.fileName, createdAt: d.createdAt.toISOString() })),
    leadTimeDays: r.type === "AFFILIATION" && r.status === "ACCEPTED" ? await affiliationLeadTime(r.id) : null,
    welcome: await welcomeStatus(viewer, r.id),
    inasti,
    benefitClaimId: BENEFIT_REQUEST_TYPES.includes(r.type) ? (r.benefitClaim?.id ?? null) : null,
  };
}

export type DecisionInput = { requestId: string; decision: Decision; reasonCode: string; text: string };
export type DecisionOutcome = { status: DbRequestStatus; awaitingSecondApproval: boolean };

type Tx = Prisma.TransactionClient;

/** Moves the request from `from` to `to` only if nobody changed it meanwhile (no double decision). */
async function moveStatus(tx: Tx, requestId: string, from: DbRequestStatus, data: Prisma.RequestUncheckedUpdateManyInput) {
  const { count } = await tx.request.updateMany({ where: { id: requestId, status: from }, data });
  if (count !== 1) throw new BackofficeError("concurrentChange");
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

/**
 * An advisor's decision: start the review, accept, refuse, ask for information (pauses the clock), information
 * received (restarts it) or close. A refusal and a payment plan outside the fund's policy become a proposal that a
 * second staff member must approve (four eyes).
 */
export async function decideRequest(viewer: Viewer | null, input: DecisionInput, today: string): Promise<DecisionOutcome> {
  assertPermission(viewer, "request:decide");
  const r = await prisma.request.findUnique({ where: { id: input.requestId } });
  if (!r) throw new NotFoundError("request");
  const check = checkDecision(r.type, r.status, input.decision);
  if (!check.ok) throw new BackofficeError(check.code === "request.transitionNotAllowed" ? "transitionNotAllowed" : check.code);
  const terms = input.decision === "accept" ? await planTerms(r) : null;
  const refusals = terms ? planOutsidePolicy(terms) : [];
  const reason = [input.reasonCode, input.text].filter(Boolean).join(" — ");
  if (needsSecondApproval({ type: r.type, decision: input.decision, planRefusals: refusals })) {
    await prisma.$transaction(async (tx) => {
      await moveStatus(tx, r.id, r.status, {
        status: "AWAITING_SECOND_APPROVAL",
        proposedById: viewer.userId,
        proposedDecision: { decision: input.decision, reasonCode: input.reasonCode, text: input.text, planRefusals: refusals },
      });
      await tx.requestEvent.create({ data: { requestId: r.id, actorId: viewer.userId, fromStatus: r.status, toStatus: "AWAITING_SECOND_APPROVAL", reason: `proposal:${input.decision} — ${reason}` } });
    });
    return { status: "AWAITING_SECOND_APPROVAL", awaitingSecondApproval: true };
  }
  const status = toDbStatus(decisionTarget(input.decision));
  await prisma.$transaction(async (tx) => {
    await applyDecision(tx, { actorId: viewer.userId, decidedById: viewer.userId }, r, status, input, today);
  });
  // the new affiliate's welcome pack, first calls and welcome e-mail, once the dossier exists
  if (r.type === "AFFILIATION" && status === "ACCEPTED") await welcomeNewAffiliate(viewer, r.id, today);
  return { status, awaitingSecondApproval: false };
}

/** The plan of an accepted payment-plan request: the approved terms on the domain's schedule, from today. */
async function putPlanInForce(tx: Tx, r: { id: string; reference: string; affiliateId: string; type: DbRequestType; payload: unknown; filedOn: Date }, actorId: string, today: string) {
  const terms = await planTerms(r);
  if (!terms) return;
  const schedule = approvedPlanSchedule(terms, today);
  if (!schedule.ok) throw new BackofficeError("planImpossible");
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

async function applyDecision(
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
  const reason = reasonPrefix + [input.reasonCode, input.text].filter(Boolean).join(" — ");
  await tx.requestEvent.create({ data: { requestId: r.id, actorId: who.actorId, fromStatus: r.status, toStatus: status, reason: reason || null } });
}

/**
 * The second staff member approves (the decision takes effect) or rejects (back to review) a four-eyes proposal.
 * The proposer can never approve their own proposal.
 */
export async function approveSecond(viewer: Viewer | null, input: { requestId: string; approve: boolean; reason: string }, today: string): Promise<DecisionOutcome> {
  assertPermission(viewer, "request:approve-second");
  const r = await prisma.request.findUnique({ where: { id: input.requestId }, include: { affiliate: { include: { person: true, company: true, advisor: { select: { name: true } } } } } });
  if (!r) throw new NotFoundError("request");
  const check = checkSecondApprover({ status: r.status, proposedById: r.proposedById, approverId: viewer.userId });
  if (!check.ok) throw new BackofficeError(check.code);
  const proposal = r.proposedDecision as { decision: Decision; reasonCode: string; text: string; planRefusals?: string[] };
  if (!input.approve) {
    await prisma.$transaction(async (tx) => {
      await moveStatus(tx, r.id, "AWAITING_SECOND_APPROVAL", { status: "IN_REVIEW", proposedById: null, proposedDecision: Prisma.DbNull });
      await tx.requestEvent.create({ data: { requestId: r.id, actorId: viewer.userId, fromStatus: "AWAITING_SECOND_APPROVAL", toStatus: "IN_REVIEW", reason: `rejected:${proposal.decision} — ${input.reason}` } });
    });
    return { status: "IN_REVIEW", awaitingSecondApproval: false };
  }
  const status = toDbStatus(decisionTarget(proposal.decision));
  let letter: Buffer | null = null;
  if (status === "REFUSED" && r.affiliate) {
    const fund = await prisma.fund.findUnique({ where: { id: 1 } });
    const a = r.affiliate;
    letter = await renderDecisionLetter({
      locale: a.language,
      reference: r.reference,
      type: r.type,
      decidedOn: today,
      filedOn: isoDate(r.filedOn),
      addressee: a.person ? `${a.person.firstName} ${a.person.lastName}` : (a.company?.name ?? ""),
      address: a.person ? [a.person.street, `${a.person.postalCode} ${a.person.city}`] : a.company ? [a.company.street, `${a.company.postalCode} ${a.company.city}`] : [],
      memberNumber: a.memberNumber,
      reasonCode: proposal.reasonCode,
      reasonText: proposal.text,
      contactName: a.advisor?.name ?? viewer.name,
      fund: fund ? { name: fund.name, address: fund.address, phone: fund.phone, email: fund.email } : null,
    });
  }
  await prisma.$transaction(async (tx) => {
    // the decision is the proposer's; the event's actor is the second staff member who approved it
    const prefix = `approved:${proposal.decision}${input.reason ? ` (${input.reason})` : ""} — `;
    await applyDecision(tx, { actorId: viewer.userId, decidedById: r.proposedById! }, { ...r, status: "AWAITING_SECOND_APPROVAL" }, status, proposal, today, prefix);
    await tx.auditLog.create({ data: { actorId: viewer.userId, action: "request.approve-second", entity: "Request", entityId: r.id, details: { proposedById: r.proposedById, decision: proposal.decision } } });
    if (letter && r.affiliateId) {
      await tx.document.create({
        data: {
          affiliateId: r.affiliateId,
          requestId: r.id,
          kind: "DECISION",
          fileName: `decision-${r.reference}.pdf`,
          mimeType: "application/pdf",
          sizeBytes: letter.length,
          content: new Uint8Array(letter),
          uniqueKey: `decision:${r.id}`,
        },
      });
    }
  });
  return { status, awaitingSecondApproval: false };
}

/** The decision letter of a request: its owner (an affiliate) or staff; anyone else gets a 404. */
export async function getDecisionLetter(viewer: Viewer | null, requestId: string): Promise<{ fileName: string; content: Uint8Array }> {
  if (!viewer) throw new NotFoundError();
  const staff = can(viewer.role, "dossier:read:any");
  if (!staff) assertPermission(viewer, "own-dossier:read");
  const doc = await prisma.document.findFirst({
    where: { requestId, kind: "DECISION", ...(staff ? {} : { affiliateId: viewer.affiliateId ?? "—" }) },
    orderBy: { createdAt: "desc" },
    select: { fileName: true, content: true },
  });
  if (!doc || !doc.content) throw new NotFoundError("document");
  return { fileName: doc.fileName, content: doc.content };
}
