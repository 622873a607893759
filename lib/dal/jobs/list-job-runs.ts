import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { type JobRunRow } from "@/lib/dto/jobs";
import { FILE_JOBS, type UiJob } from "@/lib/schemas/money-jobs";

export async function listJobRuns(viewer: Viewer | null, limit = 30): Promise<JobRunRow[]> {
  assertPermission(viewer, "job:run");
  const rows = await prisma.jobRun.findMany({ orderBy: { startedAt: "desc" }, take: Math.min(100, Math.max(1, limit)), include: { startedBy: { select: { name: true } } } });
  return rows.map((r) => {
    const { byCategory, output: _o, ...counts } = (r.counts ?? {}) as Record<string, unknown>;
    const { today: _t, file: _f, trigger, ...params } = (r.params ?? {}) as Record<string, unknown>;
    return {
      id: r.id, job: r.job, dryRun: r.dryRun, status: r.status, startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null,
      startedBy: r.startedBy?.name ?? null, scheduled: trigger === "scheduler", progress: r.progress, params,
      secondRun: r.dryRun && r.status === "SUCCEEDED" && !r.realRunById && FILE_JOBS.includes(r.job as UiJob) ? (r.startedById === viewer.userId ? "waiting" : "yours") : null,
      counts: Object.fromEntries(Object.entries(counts).filter(([, v]) => typeof v === "number")) as Record<string, number>,
      byCategory: (byCategory ?? {}) as JobRunRow["byCategory"], totalCents: Number(r.totalCents), errors: (r.errors ?? []) as JobRunRow["errors"],
    };
  });
}
