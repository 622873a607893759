import "server-only";
import { prisma } from "@/lib/db/client";
import { todayInBrussels } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { deadlineKind } from "@/lib/dal/internal/request-workflow";
import { queueCountQuery, queuePageQuery, type QueueCounts, type QueueRow } from "@/lib/dal/internal/work-queue-sql";
import { daysLeft, deadlineBadge } from "@/lib/domain/request-deadlines";
import { daysBetween } from "@/lib/domain/dates";
import { type QueueItem, type QueueFilters, type QueuePage } from "@/lib/dto/requests";
import { dossierName, applicantName, dossierSelect } from "@/lib/dal/internal/requests";
import { isoDate } from "@/lib/clock";
import { logStaffReads } from "@/lib/dal/internal/access-log";
import { LIST_PAGE_SIZE, pageWindow } from "@/lib/dto/paging";

export const QUEUE_PAGE_SIZE = LIST_PAGE_SIZE;

/** One page of open requests and unanswered message threads, the closest legal deadline first (ordered, counted and
 *  cut in SQL: lib/dal/internal/work-queue-sql.ts), with the counts of the whole filtered queue. */
export async function listWorkQueue(viewer: Viewer | null, filters: QueueFilters, today: string, page = 1, pageSize = QUEUE_PAGE_SIZE): Promise<QueuePage> {
  assertPermission(viewer, "dossier:read:any");
  const advisorId = filters.advisor === "me" ? viewer.userId : filters.advisor && filters.advisor !== "none" ? filters.advisor : null;
  const [counts] = await prisma.$queryRaw<QueueCounts[]>(queueCountQuery(filters, advisorId, today));
  const w = pageWindow(counts.total, page, pageSize);
  const rows = await prisma.$queryRaw<QueueRow[]>(queuePageQuery(filters, advisorId, today, w.skip, w.take));
  const items = await queueItems(rows, today);
  await logQueueReads(viewer, items, "work-queue.row");
  return { ...counts, items, page: w.page, pageSize };
}

/** Every row of the filtered queue in its order, read page by page (the export). */
export async function* allWorkQueueItems(viewer: Viewer | null, filters: QueueFilters, today: string, batch = 500): AsyncGenerator<QueueItem[]> {
  assertPermission(viewer, "dossier:read:any");
  const advisorId = filters.advisor === "me" ? viewer.userId : filters.advisor && filters.advisor !== "none" ? filters.advisor : null;
  for (let offset = 0; ; offset += batch) {
    const rows = await prisma.$queryRaw<QueueRow[]>(queuePageQuery(filters, advisorId, today, offset, batch));
    if (rows.length > 0) {
      const items = await queueItems(rows, today);
      await logQueueReads(viewer, items, "work-queue.export");
      yield items;
    }
    if (rows.length < batch) return;
  }
}

/** Each person whose line the advisor sees (or exports) reads it in "who consulted my file". */
function logQueueReads(viewer: Viewer, items: QueueItem[], action: "work-queue.row" | "work-queue.export") {
  return logStaffReads(
    viewer,
    items.map((i) => ({ affiliateId: i.affiliateId, action, entity: i.kind === "request" ? "Request" : "MessageThread", entityId: i.id, reason: "request", details: { reference: i.reference ?? "" } })),
  );
}

/** The rows of one page with their dossier, assignee and badge, in the page's order. */
async function queueItems(rows: QueueRow[], today: string): Promise<QueueItem[]> {
  const ids = (kind: QueueRow["kind"]) => rows.filter((r) => r.kind === kind).map((r) => r.id);
  const [requests, threads] = await Promise.all([
    prisma.request.findMany({ where: { id: { in: ids("request") } }, include: { affiliate: { select: dossierSelect }, assignee: { select: { name: true } } } }),
    prisma.messageThread.findMany({ where: { id: { in: ids("thread") } }, include: { affiliate: { select: dossierSelect } } }),
  ]);
  const byId = new Map<string, QueueItem>();
  const due = new Map(rows.map((r) => [r.id, r]));
  for (const r of requests) {
    const { dueOn, pausedSince } = due.get(r.id)!;
    const paused = r.status === "INFORMATION_REQUESTED";
    byId.set(r.id, {
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
      filedOn: isoDate(r.filedOn),
      dueOn,
      deadline: deadlineKind(r.type),
      daysLeft: daysLeft(dueOn, today),
      badge: deadlineBadge({ dueOn, today, paused, forwarded: r.status === "FORWARDED" }),
      pausedSince: paused ? pausedSince : null,
      // a paused decision clock moves its due date day by day (daysLeft stays what it was); an information deadline
      // does not move, so what was left is counted from the day of the pause
      daysLeftAtPause: !paused ? null : deadlineKind(r.type) === "decision" || !pausedSince ? daysLeft(dueOn, today) : daysBetween(pausedSince, dueOn),
    });
  }
  for (const t of threads) {
    const { dueOn } = due.get(t.id)!;
    byId.set(t.id, {
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
      pausedSince: null,
      daysLeftAtPause: null,
    });
  }
  return rows.flatMap((r) => byId.get(r.id) ?? []);
}
