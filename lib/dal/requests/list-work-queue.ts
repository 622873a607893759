import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate, todayInBrussels } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { Prisma } from "@/lib/generated/prisma/client";
import { charterDeadlines } from "@/lib/domain";
import { deadlineKind } from "@/lib/dal/internal/request-workflow";
import { OPEN_REQUEST_STATUSES, type DbRequestType } from "@/lib/db/enums";
import { daysLeft, deadlineBadge, effectiveDueOn } from "@/lib/domain/request-deadlines";
import { type QueueItem, type QueueFilters } from "@/lib/dto/requests";
import { dossierName, applicantName, dossierSelect } from "@/lib/dal/internal/requests";

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
