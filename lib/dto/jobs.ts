// The shapes of the batch-run page (/staff/jobs).
import { type RunOutcome } from "@/lib/jobs/runner";

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
  /** an import's dry run waiting for its real run by a second person: "waiting" (the viewer ran it), "yours" (the
   *  viewer may run it for real) */
  secondRun: "waiting" | "yours" | null;
};

export type StartResult = { ok: true; jobRunId: string; outcome?: RunOutcome } | { ok: false; code: string; jobRunId?: string; errors: JobRunRow["errors"] };
