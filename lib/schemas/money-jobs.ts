import { z } from "zod";

/** Jobs a staff member can start from /staff/jobs, and which parameter each one takes. */
export const UI_JOBS = ["quarterly-calls", "surcharges", "company-calls", "direct-debit", "import-coda", "regularisation", "plan-follow-up", "tax-certificates"] as const;
export type UiJob = (typeof UI_JOBS)[number];
export const FILE_JOBS: readonly UiJob[] = ["import-coda", "regularisation"];

/** The dry-run form: the job and its parameter (the uploaded file of a file job travels beside it). */
export const jobDryRunSchema = z
  .object({
    job: z.enum(UI_JOBS, { message: "jobRequired" }),
    quarter: z.string().trim().optional().default(""),
    year: z.string().trim().optional().default(""),
    collectOn: z.string().trim().optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.job === "quarterly-calls" && !/^\d{4}-Q[1-4]$/.test(v.quarter)) ctx.addIssue({ code: "custom", path: ["quarter"], message: "quarterInvalid" });
    if (v.job === "company-calls" && !/^(20\d\d|2100)$/.test(v.year)) ctx.addIssue({ code: "custom", path: ["year"], message: "yearInvalid" });
    if (v.job === "tax-certificates" && v.year !== "" && !/^(20\d\d|2100)$/.test(v.year)) ctx.addIssue({ code: "custom", path: ["year"], message: "yearInvalid" });
    if (v.job === "direct-debit" && !/^\d{4}-\d{2}-\d{2}$/.test(v.collectOn)) ctx.addIssue({ code: "custom", path: ["collectOn"], message: "dateInvalid" });
  });
export type JobDryRunInput = z.input<typeof jobDryRunSchema>;

/** "Run for real": only the id of a successful dry run of the same person; its parameters are reused. */
export const jobRealRunSchema = z.object({ dryRunId: z.string().trim().min(1, "dryRunRequired").max(40) });

/** Uploaded files of file jobs (CODA statements, tax-authority CSV). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
