// Job framework: every job is a plain idempotent function run({ prisma, today, dryRun, … }).
// The runner (runner.ts) wraps it with a JobRun row (who, parameters, counts, amounts, progress, errors).
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type JobCounts = Record<string, number>;

export interface JobContext {
  prisma: PrismaClient;
  /** The fund's date ('YYYY-MM-DD'), injected: never read from the clock inside a job. */
  today: string;
  dryRun: boolean;
  /** Reports progress in per mille (0-1000); the runner stores it on the JobRun row. */
  progress: (perMille: number) => Promise<void>;
  /** Called after each committed chunk (tests use it to simulate a crash midway). */
  afterChunk?: (chunkIndex: number) => void | Promise<void>;
  jobRunId: string | null;
}

export interface JobResult {
  counts: JobCounts;
  totalCents: number;
  /** Per-category (or other) breakdown, e.g. for a dry run. */
  details?: Record<string, { count: number; totalCents: number }>;
  /** Non-fatal item errors (e.g. an affiliate with a missing figure): recorded, the run goes on. */
  errors?: { code: string; params?: Record<string, string | number> }[];
  /** Extra output (file written, statement id…). */
  output?: Record<string, string | number | null>;
}

/** A refusal: the whole input is rejected, nothing is written. `errors` carry line/record numbers. */
export class JobRefusal extends Error {
  constructor(
    public readonly code: string,
    public readonly errors: { code: string; params?: Record<string, string | number> }[] = [],
  ) {
    super(code);
    this.name = "JobRefusal";
  }
}

export type JobParams = Record<string, string | number | boolean | undefined>;

export interface JobDefinition<P extends JobParams = JobParams> {
  name: string;
  /** Validates raw CLI/form parameters; throws JobRefusal('params.invalid') otherwise. */
  parse: (raw: Record<string, string | boolean | undefined>, positional: string[]) => P;
  run: (ctx: JobContext, params: P) => Promise<JobResult>;
}
