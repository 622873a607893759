// The pg-boss scheduler on a real PostgreSQL: the fund's cron schedules are registered (Europe/Brussels), and a
// job sent through pg-boss runs the same runJob as the CLI: a JobRun appears, started by nobody (the scheduler).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { createPersonAffiliate, makeNiss } from "@/prisma/factories";
import { runScheduled, SCHEDULES, scheduledParams, startScheduler, type Scheduler } from "@/lib/jobs/scheduler";
import { prisma as appPrisma } from "@/lib/db/client";
import { listJobRuns } from "@/lib/dal/jobs/list-job-runs";
import { staffUser } from "../helpers/fixtures";

const prisma = createTestPrisma();
let scheduler: Scheduler;

beforeAll(async () => {
  await resetDatabase(prisma);
  scheduler = await startScheduler({ connectionString: process.env.DATABASE_URL!, prisma, today: () => "2026-04-01", pollingIntervalSeconds: 0.5, log: () => undefined });
}, 60_000);
afterAll(async () => {
  await scheduler?.stop();
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});

async function waitForRun(job: string, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const run = await prisma.jobRun.findFirst({ where: { job, status: { not: "RUNNING" } }, orderBy: { startedAt: "desc" } });
    if (run) return run;
    if (Date.now() > until) throw new Error(`no finished ${job} JobRun after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("scheduler (pg-boss)", () => {
  it("registers the four schedules in Europe/Brussels time", async () => {
    const schedules = (await scheduler.boss.getSchedules()) as unknown as { name: string; cron: string; timezone?: string; options?: { tz?: string } }[];
    const byName = new Map(schedules.map((s) => [s.name, s]));
    for (const s of SCHEDULES) {
      expect(byName.get(s.name)?.cron).toBe(s.cron);
      expect(byName.get(s.name)?.timezone ?? byName.get(s.name)?.options?.tz).toBe("Europe/Brussels");
    }
    expect(byName.get("quarterly-calls")?.cron).toBe("0 2 1 1,4,7,10 *"); // first day of each quarter
    expect(scheduledParams("quarterly-calls", "2026-04-01")).toEqual({ quarter: "2026-Q2" });
    expect(scheduledParams("quarterly-calls", "2026-12-31")).toEqual({ quarter: "2026-Q4" });
  });

  it("a quarterly-calls job sent through pg-boss runs the job for today's quarter and records a scheduler JobRun", async () => {
    await prisma.fund.create({ data: { name: "Caisse test", iban: "BE68539007547034", bic: "GKCCBEBB", creditorId: "BE12ZZZ0456810810", managementFeeBp: 305, address: "Rue 1", phone: "02", email: "info@test.be" } });
    const { affiliate } = await createPersonAffiliate(prisma, { memberNumber: "430001", niss: makeNiss("1982-06-07", 31, "M"), firstName: "Sched", lastName: "Uler", birthDate: "1982-06-07", sex: "M", category: "MAIN", startOn: "2015-01-01" });
    expect(await scheduler.boss.send("quarterly-calls", {})).toBeTruthy();
    const run = await waitForRun("quarterly-calls");
    expect(run).toMatchObject({ status: "SUCCEEDED", startedById: null, dryRun: false });
    expect(run.params).toMatchObject({ quarter: "2026-Q2", today: "2026-04-01", trigger: "scheduler" });
    expect(await prisma.contributionCall.findMany({ where: { affiliateId: affiliate.id } })).toEqual([expect.objectContaining({ year: 2026, quarter: 2 })]);
    // the staff history shows it as a scheduler run (not a person's), without the internal trigger parameter
    const { viewer } = await staffUser(prisma, "ADMIN", "sched-admin");
    const row = (await listJobRuns(viewer)).find((r) => r.id === run.id);
    expect(row).toMatchObject({ scheduled: true, startedBy: null, params: { quarter: "2026-Q2" } });
    expect(row?.params).not.toHaveProperty("trigger");
  }, 60_000);

  it("the outbox flush runs through pg-boss too, and records a run only when there is something to send", async () => {
    expect(await runScheduled("outbox-flush", prisma, "2026-04-01")).toBeNull();
    expect(await prisma.jobRun.count({ where: { job: "outbox-flush" } })).toBe(0);
    await prisma.outboundEmail.create({ data: { to: "someone@example.be", subject: "Test", text: "Bonjour", template: "test" } });
    await scheduler.boss.send("outbox-flush", {});
    const run = await waitForRun("outbox-flush");
    expect(run).toMatchObject({ status: "SUCCEEDED", startedById: null });
    expect(run.counts).toMatchObject({ sent: 1 });
    expect(run.params).toMatchObject({ trigger: "scheduler" });
  }, 60_000);

  it("the nightly KPI refresh and the surcharges run as the scheduler runs them", async () => {
    const kpi = await prisma.jobRun.findUniqueOrThrow({ where: { id: (await runScheduled("kpi-refresh", prisma, "2026-04-01"))! } });
    expect(kpi).toMatchObject({ job: "kpi.refresh", status: "SUCCEEDED", startedById: null });
    const surcharges = await prisma.jobRun.findUniqueOrThrow({ where: { id: (await runScheduled("surcharges", prisma, "2026-04-01"))! } });
    expect(surcharges).toMatchObject({ job: "surcharges", status: "SUCCEEDED", startedById: null });
    expect(surcharges.params).toMatchObject({ today: "2026-04-01", trigger: "scheduler" });
  }, 60_000);
});
