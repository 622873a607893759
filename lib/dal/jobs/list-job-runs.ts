import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { type JobRunRow } from "@/lib/dto/jobs";
import { FILE_JOBS, type UiJob } from "@/lib/schemas/money-jobs";
import { LIST_PAGE_SIZE, pageWindow, type Paged } from "@/lib/dto/paging";
import type { Prisma } from "@/lib/generated/prisma/client";

const ORDER = [{ startedAt: "desc" as const }, { id: "desc" as const }];
const INCLUDE = { startedBy: { select: { name: true } } } as const;

export async function listJobRuns(viewer: Viewer | null, limit = 30): Promise<JobRunRow[]> {
  assertPermission(viewer, "job:run");
  const rows = await prisma.jobRun.findMany({ orderBy: ORDER, take: Math.min(100, Math.max(1, limit)), include: INCLUDE });
  return rows.map((r) => toJobRunRow(r, viewer.userId));
}

/** One page of the job history, the latest run first (counted and cut by the database). */
export async function listJobRunsPage(viewer: Viewer | null, page: number, pageSize = LIST_PAGE_SIZE): Promise<Paged<JobRunRow>> {
  assertPermission(viewer, "job:run");
  const total = await prisma.jobRun.count();
  const w = pageWindow(total, page, pageSize);
  const rows = await prisma.jobRun.findMany({ orderBy: ORDER, skip: w.skip, take: w.take, include: INCLUDE });
  return { items: rows.map((r) => toJobRunRow(r, viewer.userId)), total, page: w.page, pageSize };
}

type JobRunWithStarter = Prisma.JobRunGetPayload<{ include: typeof INCLUDE }>;

function toJobRunRow(r: JobRunWithStarter, viewerId: string): JobRunRow {
  const { byCategory, output: _o, ...counts } = (r.counts ?? {}) as Record<string, unknown>;
  const { today: _t, file: _f, trigger, ...params } = (r.params ?? {}) as Record<string, unknown>;
  return {
    id: r.id, job: r.job, dryRun: r.dryRun, status: r.status, startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null,
    startedBy: r.startedBy?.name ?? null, scheduled: trigger === "scheduler", progress: r.progress, params,
    secondRun: r.dryRun && r.status === "SUCCEEDED" && !r.realRunById && FILE_JOBS.includes(r.job as UiJob) ? (r.startedById === viewerId ? "waiting" : "yours") : null,
    counts: Object.fromEntries(Object.entries(counts).filter(([, v]) => typeof v === "number")) as Record<string, number>,
    byCategory: (byCategory ?? {}) as JobRunRow["byCategory"], totalCents: Number(r.totalCents), errors: (r.errors ?? []) as JobRunRow["errors"],
  };
}
