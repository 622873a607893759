"use server";
import { revalidatePath } from "next/cache";
import { currentViewer } from "@/lib/auth/session";
import { AppError, NotFoundError } from "@/lib/errors";
import { todayInBrussels } from "@/lib/clock";
import { dryRunJob } from "@/lib/dal/jobs/dry-run-job";
import { runJobForReal } from "@/lib/dal/jobs/run-job-for-real";
import { FILE_JOBS, MAX_UPLOAD_BYTES, jobDryRunSchema, jobRealRunSchema } from "@/lib/schemas/money-jobs";
import { fieldErrorsOf } from "./run-action";

type JobError = { code: string; params?: Record<string, string | number> };
export type DryRunSummary = { jobRunId: string; job: string; counts: Record<string, number>; byCategory: Record<string, { count: number; totalCents: number }>; totalCents: number; warnings: JobError[] };
export type MoneyJobResult<T> = { ok: true; data: T } | { ok: false; code: string; fieldErrors?: Record<string, string[]>; errors?: JobError[] };

/** Dry run from /staff/jobs: the form's fields (same zod schema as the client) and, for a file job, the upload. */
export async function dryRunJobAction(formData: FormData): Promise<MoneyJobResult<DryRunSummary>> {
  const fields = Object.fromEntries([...formData.entries()].filter(([, v]) => typeof v === "string"));
  const parsed = jobDryRunSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, code: "validation", fieldErrors: fieldErrorsOf(parsed.error) };
  let file: { name: string; bytes: Uint8Array } | undefined;
  if (FILE_JOBS.includes(parsed.data.job)) {
    const f = formData.get("file");
    if (!(f instanceof File) || f.size === 0) return { ok: false, code: "validation", fieldErrors: { file: ["fileRequired"] } };
    if (f.size > MAX_UPLOAD_BYTES) return { ok: false, code: "validation", fieldErrors: { file: ["fileTooLarge"] } };
    file = { name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) };
  }
  try {
    const r = await dryRunJob(await currentViewer(), { ...parsed.data, file }, todayInBrussels());
    revalidatePath("/staff/jobs");
    if (!r.ok) return { ok: false, code: "refused", errors: r.errors };
    const result = r.outcome?.ok ? r.outcome.result : null;
    return {
      ok: true,
      data: { jobRunId: r.jobRunId, job: parsed.data.job, counts: result?.counts ?? {}, byCategory: result?.details ?? {}, totalCents: result?.totalCents ?? 0, warnings: (result?.errors ?? []).slice(0, 20) },
    };
  } catch (error) {
    if (error instanceof NotFoundError) return { ok: false, code: "notFound" };
    throw error;
  }
}

/** "Run for real" of a dry run: starts the job and returns at once; the page follows it in the history. */
export async function runJobForRealAction(input: { dryRunId: string }): Promise<MoneyJobResult<{ jobRunId: string }>> {
  const parsed = jobRealRunSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "validation", fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    const { jobRunId, finished } = await runJobForReal(await currentViewer(), parsed.data.dryRunId, todayInBrussels());
    finished.catch((error) => console.error("job run failed", jobRunId, error));
    revalidatePath("/staff/jobs");
    return { ok: true, data: { jobRunId } };
  } catch (error) {
    if (error instanceof NotFoundError) return { ok: false, code: "notFound" };
    if (error instanceof AppError) return { ok: false, code: error.code };
    throw error;
  }
}
