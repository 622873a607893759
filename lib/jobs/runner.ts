// Runs a job with its JobRun record: RUNNING → SUCCEEDED | REFUSED | FAILED, with counts, total, progress and
// errors. Jobs are idempotent by their unique keys, so a run that died midway (status left RUNNING or FAILED)
// is simply run again: what was committed stays, the rest is done.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/domain";
import { JobRefusal, type JobContext, type JobDefinition, type JobParams, type JobResult } from "./types";

export interface RunOptions {
  prisma: PrismaClient;
  today: string;
  dryRun?: boolean;
  startedById?: string | null;
  afterChunk?: JobContext["afterChunk"];
  /** Who started it when no user did: "scheduler" (pg-boss, lib/jobs/scheduler.ts) is recorded in the params. */
  trigger?: "scheduler";
  /** Called once the JobRun row exists (the staff page returns its id while the run goes on). */
  onStart?: (jobRunId: string) => void;
  /** SHA-256 of the uploaded file the run reads (a dry run from /staff/jobs): the real run checks it (lib/jobs/uploads.ts). */
  fileSha256?: string;
}

export type RunOutcome =
  | { ok: true; jobRunId: string; status: "SUCCEEDED"; result: JobResult }
  | { ok: false; jobRunId: string; status: "REFUSED" | "FAILED"; code: string; errors: { code: string; params?: Record<string, string | number> }[] };

function jsonSafe<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v))) as T;
}

export async function runJob<P extends JobParams>(def: JobDefinition<P>, params: P, options: RunOptions): Promise<RunOutcome> {
  const { prisma } = options;
  const dryRun = options.dryRun === true;
  const run = await prisma.jobRun.create({
    data: {
      job: def.name,
      params: jsonSafe({ ...params, today: options.today, ...(options.trigger ? { trigger: options.trigger } : {}) }) as object,
      dryRun,
      status: "RUNNING",
      startedById: options.startedById ?? null,
      fileSha256: options.fileSha256 ?? null,
    },
  });
  options.onStart?.(run.id);
  let lastProgress = -1;
  const ctx: JobContext = {
    prisma,
    today: options.today,
    dryRun,
    jobRunId: run.id,
    afterChunk: options.afterChunk,
    progress: async (perMille) => {
      const p = Math.max(0, Math.min(1000, Math.round(perMille)));
      if (p === lastProgress) return;
      lastProgress = p;
      await prisma.jobRun.update({ where: { id: run.id }, data: { progress: p } });
    },
  };
  try {
    const result = await def.run(ctx, params);
    await prisma.jobRun.update({
      where: { id: run.id },
      data: {
        status: "SUCCEEDED",
        finishedAt: new Date(),
        progress: 1000,
        counts: jsonSafe({ ...result.counts, ...(result.details ? { byCategory: result.details } : {}), ...(result.output ? { output: result.output } : {}) }) as object,
        totalCents: BigInt(result.totalCents),
        errors: jsonSafe(result.errors ?? []) as object,
      },
    });
    return { ok: true, jobRunId: run.id, status: "SUCCEEDED", result };
  } catch (error) {
    const refused = error instanceof JobRefusal || error instanceof DomainError;
    const code = refused ? (error as Error).message : "job.failed";
    const errors =
      error instanceof JobRefusal
        ? error.errors
        : error instanceof DomainError
          ? [{ code: error.code, params: error.params }]
          : [{ code: "job.failed", params: { message: error instanceof Error ? error.message.slice(0, 500) : String(error) } }];
    await prisma.jobRun.update({
      where: { id: run.id },
      data: { status: refused ? "REFUSED" : "FAILED", finishedAt: new Date(), errors: jsonSafe(errors) as object },
    });
    return { ok: false, jobRunId: run.id, status: refused ? "REFUSED" : "FAILED", code, errors };
  }
}
