import "server-only";
import { jobsPrisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { JOBS } from "@/lib/jobs/registry";
import { runJob } from "@/lib/jobs/runner";
import { JobRefusal, type JobParams } from "@/lib/jobs/types";
import { discardUpload, keepUpload } from "@/lib/jobs/uploads";
import { FILE_JOBS, UI_JOBS, type UiJob } from "@/lib/schemas/money-jobs";
import { type StartResult } from "@/lib/dto/jobs";

function rawParams(job: UiJob, input: { quarter?: string; year?: string; collectOn?: string }): Record<string, string> {
  if (job === "quarterly-calls") return { quarter: input.quarter ?? "" };
  if (job === "company-calls" || job === "tax-certificates") return { year: input.year ?? "" };
  if (job === "direct-debit") return { "collect-on": input.collectOn ?? "" };
  return {};
}

/** Dry run of a job with the form's parameters (and, for a file job, the uploaded bytes): nothing is written
 *  but the JobRun row, whose counts and totals per category the page shows. An uploaded file is kept in the private
 *  folder with its SHA-256 on the row, for the real run (lib/jobs/uploads.ts); a dry run that fails discards it. */
export async function dryRunJob(
  viewer: Viewer | null,
  input: { job: UiJob; quarter?: string; year?: string; collectOn?: string; file?: { name: string; bytes: Uint8Array } },
  today: string,
): Promise<StartResult> {
  assertPermission(viewer, "job:run");
  if (!UI_JOBS.includes(input.job)) throw new NotFoundError("job");
  const def = JOBS[input.job];
  const positional: string[] = [];
  let upload: { file: string; sha256: string } | null = null;
  if (FILE_JOBS.includes(input.job)) {
    if (!input.file || input.file.bytes.length === 0) return { ok: false, code: "jobs.file.missing", errors: [{ code: "jobs.file.missing" }] };
    upload = await keepUpload(input.file.bytes, input.job === "import-coda" ? ".cod" : ".csv");
    positional.push(upload.file);
  }
  let params: JobParams;
  try {
    params = def.parse(rawParams(input.job, input), positional);
  } catch (error) {
    await discardUpload(upload?.file);
    if (error instanceof JobRefusal) return { ok: false, code: error.code, errors: error.errors };
    throw error;
  }
  const outcome = await runJob(def, params, { prisma: jobsPrisma, today, dryRun: true, startedById: viewer.userId, fileSha256: upload?.sha256 }).catch(async (error: unknown) => {
    await discardUpload(upload?.file);
    throw error;
  });
  if (!outcome.ok) {
    await discardUpload(upload?.file); // a refused dry run can never be run for real
    return { ok: false, code: outcome.code, jobRunId: outcome.jobRunId, errors: outcome.errors };
  }
  return { ok: true, jobRunId: outcome.jobRunId, outcome };
}
