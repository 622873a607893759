// /staff/jobs and /staff/payments data access on a real PostgreSQL: only job:run (advisor, admin) starts jobs
// and only payment:reconcile (advisor) works the unmatched queue; affiliates and managers get NotFoundError from
// the DAL and { ok:false, code:"notFound" } from the actions. Matching allocates like the CODA import and every
// action is audited; a payment is matched or returned once only.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { prisma as appPrisma } from "@/lib/db/client";
import { dryRunJob } from "@/lib/dal/jobs/dry-run-job";
import { listJobRuns } from "@/lib/dal/jobs/list-job-runs";
import { runJobForReal } from "@/lib/dal/jobs/run-job-for-real";
import { findDossiersWithOpenCalls } from "@/lib/dal/payments/find-dossiers-with-open-calls";
import { getPaymentToReconcile } from "@/lib/dal/payments/get-payment-to-reconcile";
import { listUnmatchedPayments } from "@/lib/dal/payments/list-unmatched-payments";
import { matchPayment } from "@/lib/dal/payments/match-payment";
import { returnPayment } from "@/lib/dal/payments/return-payment";
import { dbDate } from "@/prisma/factories";

const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/session", () => ({ currentViewer: async () => session.viewer }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
const { dryRunJobAction, runJobForRealAction } = await import("@/lib/actions/money-jobs");
const { matchPaymentAction, returnPaymentAction } = await import("@/lib/actions/money-payments");

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));
const TODAY = "2026-11-28";

async function world() {
  await prisma.fund.create({ data: { name: "Caisse test", iban: "BE68539007547034", bic: "GKCCBEBB", creditorId: "BE12ZZZ0456810810", managementFeeBp: 305, address: "Rue 1", phone: "02", email: "info@test.be" } });
  const a = await affiliateWithCall(prisma, "Alpha");
  const advisor = await staffUser(prisma, "ADVISOR");
  const manager = await staffUser(prisma, "MANAGER");
  const admin = await staffUser(prisma, "ADMIN");
  const pay = (amountCents: number, name: string, iban: string) =>
    prisma.payment.create({ data: { source: "CODA", status: "UNMATCHED", amountCents, valueOn: dbDate("2026-11-20"), counterpartyName: name, counterpartyIban: iban, communication: "COTISATION" } });
  const p1 = await pay(a.contribution.totalCents, "ALPHA TEST", "BE80001000000177");
  const p2 = await pay(12_345, "DUPONT LUC", "BE71096123456769");
  return { a, advisor, manager, admin, p1, p2 };
}

describe("money operations: who may do what", () => {
  it("refuses affiliates and managers everywhere (NotFoundError / notFound), anonymous too", async () => {
    const { a, manager, admin, p1 } = await world();
    for (const v of [a.viewer, manager.viewer, null]) {
      await expect(listUnmatchedPayments(v)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getPaymentToReconcile(v, p1.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(findDossiersWithOpenCalls(v, "Alpha")).rejects.toBeInstanceOf(NotFoundError);
      await expect(matchPayment(v, { paymentId: p1.id, callId: a.call.id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(returnPayment(v, { paymentId: p1.id, reason: "pas pour nous" })).rejects.toBeInstanceOf(NotFoundError);
      session.viewer = v;
      await expect(matchPaymentAction({ paymentId: p1.id, callId: a.call.id })).resolves.toEqual({ ok: false, code: "notFound" });
      await expect(returnPaymentAction({ paymentId: p1.id, reason: "pas pour nous" })).resolves.toEqual({ ok: false, code: "notFound" });
    }
    // job:run is advisors' and admins': affiliates and managers are refused
    for (const v of [a.viewer, manager.viewer, null]) {
      await expect(listJobRuns(v)).rejects.toBeInstanceOf(NotFoundError);
      await expect(dryRunJob(v, { job: "surcharges" }, TODAY)).rejects.toBeInstanceOf(NotFoundError);
      await expect(runJobForReal(v, "x", TODAY)).rejects.toBeInstanceOf(NotFoundError);
      session.viewer = v;
      const fd = new FormData();
      fd.set("job", "surcharges");
      await expect(dryRunJobAction(fd)).resolves.toEqual({ ok: false, code: "notFound" });
      await expect(runJobForRealAction({ dryRunId: "x" })).resolves.toEqual({ ok: false, code: "notFound" });
    }
    // an admin runs jobs but does not reconcile payments
    await expect(listJobRuns(admin.viewer)).resolves.toEqual([]);
    await expect(listUnmatchedPayments(admin.viewer)).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.payment.count({ where: { status: "UNMATCHED" } })).toBe(2);
    expect(await prisma.jobRun.count()).toBe(0);
    expect(await prisma.auditLog.count()).toBe(0);
  });
});

describe("unmatched queue", () => {
  it("searches by name, IBAN and amount", async () => {
    const { advisor, p1, p2 } = await world();
    const ids = async (s: Parameters<typeof listUnmatchedPayments>[1]) => (await listUnmatchedPayments(advisor.viewer, s)).map((p) => p.id);
    expect(await ids({})).toEqual([p1.id, p2.id]);
    expect(await ids({ q: "dupont" })).toEqual([p2.id]);
    expect(await ids({ q: "BE80 0010 0000 0177" })).toEqual([p1.id]);
    expect(await ids({ amountCents: 12_345 })).toEqual([p2.id]);
    expect(await ids({ q: "dupont", amountCents: 1 })).toEqual([]);
  });

  it("matches by hand to a dossier's open call with the CODA allocation, audited, once only", async () => {
    const { a, advisor, p1 } = await world();
    const found = await findDossiersWithOpenCalls(advisor.viewer, "alpha");
    expect(found).toHaveLength(1);
    expect(found[0].calls).toEqual([expect.objectContaining({ id: a.call.id, openCents: a.contribution.totalCents })]);
    session.viewer = advisor.viewer;
    const r = await matchPaymentAction({ paymentId: p1.id, callId: a.call.id });
    expect(r).toEqual({ ok: true, data: { allocatedCents: a.contribution.totalCents, unallocatedCents: 0 } });
    expect(await prisma.payment.findUniqueOrThrow({ where: { id: p1.id } })).toMatchObject({ status: "MATCHED", affiliateId: a.affiliate.id });
    // its page now says it was handled (not a "not found" under the advisor's feet)
    expect(await getPaymentToReconcile(advisor.viewer, p1.id)).toMatchObject({ id: p1.id, status: "MATCHED" });
    await expect(getPaymentToReconcile(advisor.viewer, "no-such-payment")).rejects.toBeInstanceOf(NotFoundError);
    const allocations = await prisma.paymentAllocation.findMany({ include: { targetEntry: true } });
    expect(allocations.reduce((s, x) => s + x.amountCents, 0)).toBe(a.contribution.totalCents);
    expect(allocations.find((x) => x.targetEntry.kind === "CALL")?.amountCents).toBe(a.contribution.contributionCents);
    expect(await prisma.auditLog.findFirstOrThrow({ where: { action: "payment.match" } })).toMatchObject({ actorId: advisor.user.id, entityId: p1.id });
    expect((await findDossiersWithOpenCalls(advisor.viewer, "alpha"))[0].calls).toEqual([]);
    // twice, or returned afterwards: not found, nothing more written
    await expect(matchPaymentAction({ paymentId: p1.id, callId: a.call.id })).resolves.toEqual({ ok: false, code: "notFound" });
    await expect(returnPayment(advisor.viewer, { paymentId: p1.id, reason: "trop tard" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.ledgerEntry.count({ where: { kind: "PAYMENT" } })).toBe(1);
    // an unknown call changes nothing
    const { p2 } = { p2: (await listUnmatchedPayments(advisor.viewer))[0] };
    await expect(matchPaymentAction({ paymentId: p2.id, callId: "no-such-call" })).resolves.toEqual({ ok: false, code: "notFound" });
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: p2.id } })).status).toBe("UNMATCHED");
  });

  it("sends a payment back with its reason (validated), audited", async () => {
    const { advisor, p2 } = await world();
    session.viewer = advisor.viewer;
    await expect(returnPaymentAction({ paymentId: p2.id, reason: "x" })).resolves.toMatchObject({ ok: false, code: "validation", fieldErrors: { reason: ["reasonTooShort"] } });
    await expect(returnPaymentAction({ paymentId: p2.id, reason: "Inconnu de la caisse" })).resolves.toEqual({ ok: true, data: undefined });
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: p2.id } })).status).toBe("RETURNED");
    expect(await prisma.auditLog.findFirstOrThrow({ where: { action: "payment.return" } })).toMatchObject({ entityId: p2.id, reason: "Inconnu de la caisse", actorId: advisor.user.id });
  });
});

describe("jobs from the staff page", () => {
  it("dry run first (nothing written), then run for real of that dry run only, audited, visible in the history", async () => {
    const { advisor, admin } = await world();
    session.viewer = advisor.viewer;
    const fd = new FormData();
    fd.set("job", "quarterly-calls");
    fd.set("quarter", "2026-Q9");
    await expect(dryRunJobAction(fd)).resolves.toMatchObject({ ok: false, code: "validation", fieldErrors: { quarter: ["quarterInvalid"] } });
    fd.set("quarter", "2026-Q4");
    const dry = await dryRunJobAction(fd);
    expect(dry.ok).toBe(true);
    if (!dry.ok) return;
    expect(dry.data.counts).toMatchObject({ created: 1 });
    expect(dry.data.byCategory).toMatchObject({ MAIN: { count: 1 } });
    expect(await prisma.contributionCall.count({ where: { year: 2026, quarter: 4 } })).toBe(0);
    // someone else cannot run my dry run
    await expect(runJobForReal(admin.viewer, dry.data.jobRunId, TODAY)).rejects.toBeInstanceOf(NotFoundError);
    const real = await runJobForReal(advisor.viewer, dry.data.jobRunId, TODAY);
    const outcome = await real.finished;
    expect(outcome).toMatchObject({ ok: true, status: "SUCCEEDED", jobRunId: real.jobRunId });
    expect(await prisma.contributionCall.count({ where: { year: 2026, quarter: 4 } })).toBe(1);
    // a real run is not a dry run: it cannot be "run for real" again
    await expect(runJobForReal(advisor.viewer, real.jobRunId, TODAY)).rejects.toBeInstanceOf(NotFoundError);
    const history = await listJobRuns(advisor.viewer);
    expect(history.map((h) => [h.job, h.dryRun, h.status, h.startedBy])).toEqual([
      ["quarterly-calls", false, "SUCCEEDED", "advisor"],
      ["quarterly-calls", true, "SUCCEEDED", "advisor"],
    ]);
    expect(history[0]).toMatchObject({ progress: 1000, counts: { created: 1 }, params: { quarter: "2026-Q4" } });
    expect(await prisma.auditLog.findFirstOrThrow({ where: { action: "job.run" } })).toMatchObject({ entityId: real.jobRunId, actorId: advisor.user.id });
  });

  it("dry-runs an uploaded file job and shows a refusal's line-numbered errors", async () => {
    const { advisor } = await world();
    session.viewer = advisor.viewer;
    const fd = new FormData();
    fd.set("job", "regularisation");
    await expect(dryRunJobAction(fd)).resolves.toMatchObject({ ok: false, fieldErrors: { file: ["fileRequired"] } });
    fd.set("file", new File(["niss;year;income_eur\n00000000000;2025;1,00\n"], "impots.csv", { type: "text/csv" }));
    const r = await dryRunJobAction(fd);
    expect(r).toMatchObject({ ok: false, code: "refused", errors: [{ code: "regularisation.niss.invalid", params: { line: 2 } }] });
    expect((await listJobRuns(advisor.viewer))[0]).toMatchObject({ job: "regularisation", status: "REFUSED", dryRun: true });
  });
});
