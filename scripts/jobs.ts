// npm run jobs -- <job> [args] [--today YYYY-MM-DD] [--dry-run]
// Runs one job of lib/jobs against DATABASE_URL (scripts/with-db.ts sets it), records a JobRun, prints a JSON
// summary as its LAST line and exits 0 on success, 2 on refusal (bad input, nothing written), 1 on failure.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { isIsoDate } from "@/lib/domain";
import { todayInBrussels } from "@/lib/clock";
import { parseArgs } from "@/lib/jobs/cli-args";
import { JOBS } from "@/lib/jobs/registry";
import { runJob } from "@/lib/jobs/runner";
import { JobRefusal } from "@/lib/jobs/types";

function summary(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const def = args.job ? JOBS[args.job] : undefined;
  if (!def) {
    console.log(summary({ ok: false, status: "REFUSED", code: "jobs.unknown", job: args.job ?? null, jobs: Object.keys(JOBS) }));
    return 2;
  }
  const today = typeof args.options.today === "string" ? args.options.today : todayInBrussels();
  if (!isIsoDate(today)) {
    console.log(summary({ ok: false, status: "REFUSED", code: "jobs.today.invalid", today }));
    return 2;
  }
  let params;
  try {
    params = def.parse(args.options as Record<string, string | boolean | undefined>, args.positional);
  } catch (error) {
    if (error instanceof JobRefusal) {
      console.log(summary({ ok: false, status: "REFUSED", job: def.name, code: error.code, errors: error.errors }));
      return 2;
    }
    throw error;
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run through `npm run jobs` (scripts/with-db.ts)");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    const started = Date.now();
    const outcome = await runJob(def, params, { prisma, today, dryRun: args.options["dry-run"] === true });
    const ms = Date.now() - started;
    if (outcome.ok) {
      const r = outcome.result;
      console.log(summary({ ok: true, job: def.name, jobRunId: outcome.jobRunId, dryRun: args.options["dry-run"] === true, today, ms, counts: r.counts, totalCents: r.totalCents, details: r.details ?? {}, output: r.output ?? {}, errors: r.errors ?? [] }));
      return 0;
    }
    console.log(summary({ ok: false, job: def.name, jobRunId: outcome.jobRunId, status: outcome.status, code: outcome.code, errors: outcome.errors }));
    return outcome.status === "REFUSED" ? 2 : 1;
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    console.log(summary({ ok: false, status: "FAILED", code: "job.failed", message: error instanceof Error ? error.message : String(error) }));
    process.exit(1);
  },
);
