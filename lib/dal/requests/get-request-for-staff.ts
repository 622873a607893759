import "server-only";
import { prisma } from "@/lib/db/client";
import { logStaffRead } from "@/lib/dal/internal/access-log";
import { isoDate, todayInBrussels } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { can } from "@/lib/auth/permissions";
import { availableDecisions, inastiStep, isInastiRequest, deadlineKind } from "@/lib/dal/internal/request-workflow";
import { BENEFIT_REQUEST_TYPES, OPEN_REQUEST_STATUSES } from "@/lib/db/enums";
import { type Decision } from "@/lib/dto/requests";
import { deadlineBadge, effectiveDueOn } from "@/lib/domain/request-deadlines";
import { affiliationLeadTime } from "@/lib/dal/internal/affiliation";
import { welcomeStatus } from "@/lib/dal/affiliation/get-welcome-status";
import { inastiDetails } from "@/lib/dal/requests/get-inasti-details";
import { dossierName, applicantName, dossierSelect, planRefusals } from "@/lib/dal/internal/requests";
import { type StaffRequestView } from "@/lib/dto/requests";
import { threadOf } from "@/lib/dal/internal/conversations";

export async function getRequestForStaff(viewer: Viewer | null, requestId: string, today: string): Promise<StaffRequestView> {
  assertPermission(viewer, "dossier:read:any");
  const r = await prisma.request.findUnique({
    where: { id: requestId },
    include: {
      affiliate: { select: dossierSelect },
      assignee: { select: { name: true } },
      events: { orderBy: [{ at: "asc" }, { id: "asc" }], include: { actor: { select: { name: true, role: true } } } },
      // attachments of the conversation are listed with their message
      documents: { where: { messageId: null }, orderBy: { createdAt: "asc" }, select: { id: true, kind: true, fileName: true, createdAt: true } },
      benefitClaim: { select: { id: true } },
    },
  });
  if (!r) throw new NotFoundError("request");
  await logStaffRead(viewer, { affiliateId: r.affiliateId, action: "request.view", entity: "Request", entityId: r.id, reason: "request", details: { reference: r.reference } });
  const inasti = isInastiRequest(r.type)
    ? { step: can(viewer.role, "request:decide") ? inastiStep(r.type, r.status) : null, ...(await inastiDetails(viewer, r.id)) }
    : null;
  const { terms, refusals } = await planRefusals(r, today);
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
    planRefusals: refusals,
    events: r.events.map((e) => ({ at: e.at.toISOString(), actorName: e.actor?.name ?? null, byAccountant: e.actor?.role === "ACCOUNTANT", from: e.fromStatus, to: e.toStatus, reason: e.reason })),
    documents: r.documents.map((d) => ({ id: d.id, kind: d.kind, fileName: d.fileName, createdAt: d.createdAt.toISOString() })),
    leadTimeDays: r.type === "AFFILIATION" && r.status === "ACCEPTED" ? await affiliationLeadTime(r.id) : null,
    welcome: await welcomeStatus(viewer, r.id),
    inasti,
    benefitClaimId: BENEFIT_REQUEST_TYPES.includes(r.type) ? (r.benefitClaim?.id ?? null) : null,
    // the conversation is part of the request read logged above (request.view)
    thread: await threadOf(r.id, viewer.userId),
    canAnswer:
      (r.type === "QUESTION" || r.type === "COMPLAINT") && r.affiliateId !== null && can(viewer.role, "request:decide") && ["SUBMITTED", "IN_REVIEW", "INFORMATION_REQUESTED"].includes(r.status),
  };
}
