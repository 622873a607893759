// The fund's calendar, on pg-boss (PostgreSQL-backed queues and cron, schema "pgboss"; no Redis).
// Cron expressions are read in Europe/Brussels time:
//  - quarterly calls on the first day of each quarter, for that quarter;
//  - surcharges the day after each quarter end (the job itself decides 3 % or, on 1 January, 7 %);
//  - the KPI refresh every night (lib/kpi/refresh.ts refreshKpiFacts, which records its own JobRun);
//  - the e-mail outbox flush every minute (lib/mail/outbox.ts flushOutbox);
//  - the payment plans' follow-up every morning (lib/jobs/plan-follow-up.ts);
//  - the tax certificates of the year before on 10 January (lib/jobs/tax-certificates.ts).
// Each pg-boss job runs the same runJob(...) as the CLI, with today = todayInBrussels() and a JobRun whose
// startedById is null and whose params say trigger "scheduler". pg-boss sends one job per cron slot whatever the
// number of workers, and the jobs are idempotent by their unique keys, so a retried or doubled run writes nothing twice.
import PgBoss from "pg-boss";
import { todayInBrussels } from "@/lib/clock";
import { quarterOf } from "@/lib/domain";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { refreshKpiFacts } from "@/lib/kpi/refresh";
import { quarterlyCallsJob } from "./quarterly-calls";
import { runJob } from "./runner";
import { surchargesJob } from "./surcharges";
import { planFollowUpJob } from "./plan-follow-up";
import { taxCertificatesJob } from "./tax-certificates";
import type { JobDefinition, JobParams } from "./types";

export const SCHEDULER_TZ = "Europe/Brussels";

export const SCHEDULES = [
  { name: "quarterly-calls", cron: "0 2 1 1,4,7,10 *" }, // 1 Jan, 1 Apr, 1 Jul, 1 Oct at 02:00
  { name: "surcharges", cron: "0 4 1 1,4,7,10 *" }, // the day after 31 Mar, 30 Jun, 30 Sep, 31 Dec, at 04:00
  { name: "kpi-refresh", cron: "30 1 * * *" }, // every night at 01:30
  { name: "outbox-flush", cron: "* * * * *" }, // every minute
  { name: "plan-follow-up", cron: "0 6 * * *" }, // every morning at 06:00: late instalments reminded, plans broken or completed
  { name: "tax-certificates", cron: "0 5 10 1 *" }, // 10 January at 05:00: the certificates of the year before
] as const;

export type ScheduledName = (typeof SCHEDULES)[number]["name"];

/** The outbox flush as a job, so that the scheduler records it like the others. */
export const outboxFlushJob: JobDefinition = {
  name: "outbox-flush",
  parse: () => ({}),
  run: async () => {
    const { flushOutbox } = await import("@/lib/mail/outbox"); // server-only: loaded when the job runs
    const sent = await flushOutbox();
    return { counts: { sent }, totalCents: 0 };
  },
};

/** The parameters a scheduled job runs with on `today`. */
export function scheduledParams(name: ScheduledName, today: string): JobParams {
  if (name === "quarterly-calls") {
    const q = quarterOf(today);
    return { quarter: `${q.year}-Q${q.quarter}` };
  }
  return {};
}

const DEFINITIONS: Partial<Record<ScheduledName, JobDefinition<JobParams>>> = {
  "quarterly-calls": quarterlyCallsJob as unknown as JobDefinition<JobParams>,
  surcharges: surchargesJob,
  "outbox-flush": outboxFlushJob,
  "plan-follow-up": planFollowUpJob,
  "tax-certificates": taxCertificatesJob as unknown as JobDefinition<JobParams>,
};

/** Runs one scheduled job now (what a pg-boss job does): returns the JobRun id, or null when the every-minute outbox
 *  flush found nothing to send (no run recorded, so the history is not flooded with 1,440 empty runs a day). */
export async function runScheduled(name: ScheduledName, prisma: PrismaClient, today: string): Promise<string | null> {
  if (name === "outbox-flush" && (await prisma.outboundEmail.count({ where: { sentAt: null } })) === 0) return null;
  if (name === "kpi-refresh") {
    const result = await refreshKpiFacts(prisma, today, { startedById: null });
    return result.jobRunId;
  }
  const def = DEFINITIONS[name]!;
  const outcome = await runJob(def, def.parse(scheduledParams(name, today) as Record<string, string>, []), { prisma, today, startedById: null, trigger: "scheduler" });
  return outcome.jobRunId;
}

export interface SchedulerOptions {
  connectionString: string;
  prisma: PrismaClient;
  /** the fund's date; todayInBrussels() (PORTAL_TODAY pins it) unless a test injects one */
  today?: () => string;
  /** how often the workers look for jobs (pg-boss minimum 0.5 s) */
  pollingIntervalSeconds?: number;
  log?: (message: string) => void;
}

export interface Scheduler {
  boss: PgBoss;
  stop: () => Promise<void>;
}

/** Starts pg-boss, registers the queues, the cron schedules and one worker per queue. */
export async function startScheduler(options: SchedulerOptions): Promise<Scheduler> {
  const log = options.log ?? ((m: string) => console.error(`[scheduler] ${m}`));
  const today = options.today ?? (() => todayInBrussels());
  const boss = new PgBoss({ connectionString: options.connectionString, schema: "pgboss", max: 4 });
  boss.on("error", (error: Error) => log(`pg-boss error: ${error.message}`));
  await boss.start();
  for (const s of SCHEDULES) {
    await boss.createQueue(s.name); // idempotent
    await boss.schedule(s.name, s.cron, {}, { tz: SCHEDULER_TZ });
    await boss.work(s.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async (jobs) => {
      for (const job of jobs) {
        const on = today();
        const jobRunId = await runScheduled(s.name, options.prisma, on);
        if (jobRunId) log(`${s.name} (${job.id}) on ${on}: JobRun ${jobRunId}`);
      }
    });
  }
  log(`started: ${SCHEDULES.map((s) => `${s.name} "${s.cron}"`).join(", ")} (${SCHEDULER_TZ})`);
  return {
    boss,
    // graceful: the job in progress finishes (its JobRun is closed) before the connections are released
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 60_000 }),
  };
}
