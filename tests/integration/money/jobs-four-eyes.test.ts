// Issue #16 part 2: a real import run (here CODA) needs a second person — whoever ran the dry run cannot run it for
// real; a colleague can, once, even when two of them click at the same moment. Other jobs stay with the person who
// ran their dry run.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { testDatabase } from "../helpers/db";
import { staffUser } from "../helpers/fixtures";
import { AppError } from "@/lib/errors";
import { dryRunJob } from "@/lib/dal/jobs/dry-run-job";
import { runJobForReal } from "@/lib/dal/jobs/run-job-for-real";
import { listJobRuns } from "@/lib/dal/jobs/list-job-runs";

const prisma = testDatabase();
const TODAY = "2026-03-31";
const own = (f: string) => path.resolve("tests/fixtures/coda", f);

const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

describe("four eyes on a real import run", () => {
  it("the one who ran the dry run cannot run it for real; a colleague can, once — two at once: one wins", async () => {
    await prisma.fund.create({ data: { id: 1, name: "Caisse test", iban: "BE68539007547034", bic: "GKCCBEBB", creditorId: "BE12ZZZ0456810810", managementFeeBp: 305, address: "Rue 1", phone: "02", email: "info@test.be" } });
    const anna = await staffUser(prisma, "ADVISOR", "anna");
    const bert = await staffUser(prisma, "ADVISOR", "bert");
    const admin = await staffUser(prisma, "ADMIN", "adam");
    const dry = await dryRunJob(anna.viewer, { job: "import-coda", file: { name: "valid.cod", bytes: readFileSync(own("valid.cod")) } }, TODAY);
    if (!dry.ok) throw new Error(JSON.stringify(dry));
    expect((await listJobRuns(anna.viewer))[0]).toMatchObject({ id: dry.jobRunId, secondRun: "waiting" });
    expect((await listJobRuns(bert.viewer))[0]).toMatchObject({ id: dry.jobRunId, secondRun: "yours" });

    expect(await codeOf(runJobForReal(anna.viewer, dry.jobRunId, TODAY))).toBe("fourEyesSameStaff");
    expect(await prisma.bankStatement.count()).toBe(0);

    // two colleagues click at the same moment: one run, one refusal
    const outcomes = await Promise.allSettled([runJobForReal(bert.viewer, dry.jobRunId, TODAY), runJobForReal(admin.viewer, dry.jobRunId, TODAY)]);
    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost.map((o) => (o.reason as AppError).code)).toEqual(["jobAlreadyRun"]);
    expect(await (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof runJobForReal>>>).value.finished).toMatchObject({ ok: true, status: "SUCCEEDED" });
    expect(await prisma.bankStatement.count()).toBe(1);
    const row = await prisma.jobRun.findUniqueOrThrow({ where: { id: dry.jobRunId } });
    expect([bert.user.id, admin.user.id]).toContain(row.realRunById);
    expect((await listJobRuns(bert.viewer)).find((r) => r.id === dry.jobRunId)).toMatchObject({ secondRun: null });
    expect(await codeOf(runJobForReal(bert.viewer, dry.jobRunId, TODAY))).toBe("jobAlreadyRun");
  });

  it("a job without a file stays with the person who ran its dry run", async () => {
    const anna = await staffUser(prisma, "ADVISOR", "anna");
    const bert = await staffUser(prisma, "ADVISOR", "bert");
    const dry = await dryRunJob(anna.viewer, { job: "surcharges" }, TODAY);
    if (!dry.ok) throw new Error(JSON.stringify(dry));
    expect((await listJobRuns(bert.viewer))[0]).toMatchObject({ secondRun: null });
    expect(await codeOf(runJobForReal(bert.viewer, dry.jobRunId, TODAY))).toBe("notFound");
    const real = await runJobForReal(anna.viewer, dry.jobRunId, TODAY);
    expect(await real.finished).toMatchObject({ ok: true });
  });
});
