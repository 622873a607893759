import "server-only";
import { jobsPrisma, prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError, refused } from "@/lib/errors";
import { JOBS } from "@/lib/jobs/registry";
import { runJob, type RunOutcome } from "@/lib/jobs/runner";
import { type JobParams } from "@/lib/jobs/types";
import { discardUpload, withCheckedUpload } from "@/lib/jobs/uploads";
import { FILE_JOBS, UI_JOBS, type UiJob } from "@/lib/schemas/money-jobs";

/** Runs for real the parameters of a successful dry run — the viewer's own, or for an import (CODA, regularisation)
 *  another staff member's: the second pair of eyes — once; returns as soon as the JobRun row exists
 *  (`finished` resolves when the run ends). A file job reads the dry run's upload only if its SHA-256 is still the
 *  one the dry run recorded (else the run is refused), and the upload is deleted once the run ends, whatever the outcome. */
export async function runJobForReal(viewer: Viewer | null, dryRunId: string, today: string): Promise<{ jobRunId: string; finished: Promise<RunOutcome> }> {
  assertPermission(viewer, "job:run");
  const dry = await prisma.jobRun.findUnique({ where: { id: dryRunId } });
  if (!dry || !dry.dryRun || dry.status !== "SUCCEEDED" || !(UI_JOBS as readonly string[]).includes(dry.job)) throw new NotFoundError("jobRun");
  const fileJob = FILE_JOBS.includes(dry.job as UiJob);
  // an import is run for real by a second person (four eyes); any other job by the one who ran its dry run
  if (fileJob && dry.startedById === viewer.userId) throw refused("fourEyesSameStaff");
  if (!fileJob && dry.startedById !== viewer.userId) throw new NotFoundError("jobRun");
  // once: two clicks or two staff members at once, one wins
  const claimed = await prisma.jobRun.updateMany({ where: { id: dry.id, realRunById: null }, data: { realRunById: viewer.userId } });
  if (claimed.count !== 1) throw refused("jobAlreadyRun");
  const { today: _t, ...params } = dry.params as JobParams;
  const def = fileJob ? withCheckedUpload(JOBS[dry.job], params.file, dry.fileSha256) : JOBS[dry.job];
  let resolveId: (id: string) => void = () => {};
  const started = new Promise<string>((resolve) => (resolveId = resolve));
  const finished = runJob(def, params, { prisma: jobsPrisma, today, startedById: viewer.userId, onStart: resolveId }).finally(() => (fileJob ? discardUpload(params.file) : undefined));
  // a run that fails before its row exists must not leave the caller waiting
  const jobRunId = await Promise.race([started, finished.then((o) => o.jobRunId)]);
  await prisma.auditLog.create({ data: { actorId: viewer.userId, action: "job.run", entity: "JobRun", entityId: jobRunId, details: { job: dry.job, dryRunId, params: params as object } } });
  return { jobRunId, finished };
}
