import "server-only";
import { createHash } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { JOBS } from "@/lib/jobs/registry";
import { runJob } from "@/lib/jobs/runner";
import { JobRefusal, type JobParams } from "@/lib/jobs/types";
import { FILE_JOBS, UI_JOBS, type UiJob } from "@/lib/schemas/money-jobs";
import { type StartResult } from "@/lib/dto/jobs";

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
