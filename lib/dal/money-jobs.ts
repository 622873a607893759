import "server-only";
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { prisma } from "@/lib/db/client";
import { assertPermission, NotFoundError, type Viewer } from "@/lib/auth/viewer";
import { JOBS } from "@/lib/jobs/registry";
import { runJob, type RunOutcome } from "@/lib/jobs/runner";
import { JobRefusal, type JobParams } from "@/lib/jobs/types";
import { FILE_JOBS, UI_JOBS, type UiJob } from "@/lib/schemas/money-jobs";

// Jobs started from /staff/jobs (permission job:run): a dry run first (counts and totals per category, nothing
// written), then "run for real" of THAT dry run's parameters, recorded in JobRun with who started it and
// audited. The real run goes on in the background; the page follows its progress from the JobRun row.

export type JobRunRow = {
  id: string;
  job: string;
  dryRun: boolean;
  status: "RUNNING" | "SUCCEEDED" | "FAILED" | "REFUSED";
  startedAt: string;
  finishedAt: string | null;
  startedBy: string | null;
  /** started by the pg-boss scheduler (lib/jobs/scheduler.ts), not by a person */
  scheduled: boolean;
  progress: number;
  params: Record<string, unknown>;
  counts: Record<string, number>;
  byCategory: Record<string, { count: number; totalCents: number }>;
  totalCents: number;
  errors: { code: string; params?: Record<string, string | number> }[];
};

export async function listJobRuns(viewer: Viewer | null, limit = 30): Promise<JobRunRow[]> {
  assertPermission(viewer, "job:run");
  const rows = await prisma.jobRun.findMany({ orderBy: { startedAt: "desc" }, take: Math.min(100, Math.max(1, limit)), include: { startedBy: { select: { name: true } } } });
  return rows.map((r) => {
    const { byCategory, output: _o, ...counts } = (r.counts ?? {}) as Record<string, unknown>;
    const { today: _t, file: _f, trigger, ...params } = (r.params ?? {}) as Record<string, unknown>;
    return {
      id: r.id, job: r.job, dryRun: r.dryRun, status: r.status, startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null,
      startedBy: r.startedBy?.name ?? null, scheduled: trigger === "scheduler", progress: r.progress, params,
      counts: Object.fromEntries(Object.entries(counts).filter(([, v]) => typeof v === "number")) as Record<string, number>,
      byCategory: (byCategory ?? {}) as JobRunRow["byCategory"], totalCents: Number(r.totalCents), errors: (r.errors ?? []) as JobRunRow["errors"],
    };
  });
}

export type StartResult = { ok: true; jobRunId: string; outcome?: RunOutcome } | { ok: false; code: string; jobRunId?: string; errors: JobRunRow["errors"] };

function rawParams(job: UiJob, input: { quarter?: string; year?: string; collectOn?: string }): Record<string, string> {
  if (job === "quarterly-calls") return { quarter: input.quarter ?? "" };
  if (job === "company-calls") return { year: input.year ?? "" };
  if (job === "direct-debit") return { "collect-on": input.collectOn ?? "" };
  return {};
}

/** Dry run of a job with the form's parameters (and, for a file job, the uploaded bytes): nothing is written
 *  but the JobRun row, whose counts and totals per category the page shows. */
export async function dryRunJob(
  viewer: Viewer | null,
  input: { job: UiJob; quarter?: string; year?: string; collectOn?: string; file?: { name: string; bytes: Uint8Array } },
  today: string,
): Promise<StartResult> {
  assertPermission(viewer, "job:run");
  if (!UI_JOBS.includes(input.job)) throw new NotFoundError("job");
  const def = JOBS[input.job];
  const positional: string[] = [];
  if (FILE_JOBS.includes(input.job)) {
    if (!input.file || input.file.bytes.length === 0) return { ok: false, code: "jobs.file.missing", errors: [{ code: "jobs.file.missing" }] };
    // kept under a content-addressed name, so that "run for real" reads exactly the file the dry run checked
    const dir = path.join(/*turbopackIgnore: true*/ process.env.JOBS_UPLOAD_DIR ?? path.join(/*turbopackIgnore: true*/ tmpdir(), "caisse-portal-jobs"));
    await mkdir(dir, { recursive: true });
    const sha = createHash("sha256").update(input.file.bytes).digest("hex");
    const file = path.join(dir, `${sha}${input.job === "import-coda" ? ".cod" : ".csv"}`);
    await writeFile(file, input.file.bytes);
    positional.push(file);
  }
  let params: JobParams;
  try {
    params = def.parse(rawParams(input.job, input), positional);
  } catch (error) {
    if (error instanceof JobRefusal) return { ok: false, code: error.code, errors: error.errors };
    throw error;
  }
  const outcome = await runJob(def, params, { prisma, today, dryRun: true, startedById: viewer.userId });
  if (!outcome.ok) return { ok: false, code: outcome.code, jobRunId: outcome.jobRunId, errors: outcome.errors };
  return { ok: true, jobRunId: outcome.jobRunId, outcome };
}

/** Runs for real the parameters of the viewer's own successful dry run; returns as soon as the JobRun row exists
 *  (`finished` resolves when the run ends). */
export async function runJobForReal(viewer: Viewer | null, dryRunId: string, today: string): Promise<{ jobRunId: string; finished: Promise<RunOutcome> }> {
  assertPermission(viewer, "job:run");
  const dry = await prisma.jobRun.findUnique({ where: { id: dryRunId } });
  if (!dry || !dry.dryRun || dry.status !== "SUCCEEDED" || dry.startedById !== viewer.userId || !(UI_JOBS as readonly string[]).includes(dry.job)) throw new NotFoundError("jobRun");
  const def = JOBS[dry.job];
  const { today: _t, ...params } = dry.params as JobParams;
  let resolveId: (id: string) => void = () => {};
  const started = new Promise<string>((resolve) => (resolveId = resolve));
  const finished = runJob(def, params, { prisma, today, startedById: viewer.userId, onStart: resolveId });
  // a run that fails before its row exists must not leave the caller waiting
  const jobRunId = await Promise.race([started, finished.then((o) => o.jobRunId)]);
  await prisma.auditLog.create({ data: { actorId: viewer.userId, action: "job.run", entity: "JobRun", entityId: jobRunId, details: { job: dry.job, dryRunId, params: params as object } } });
  return { jobRunId, finished };
}
