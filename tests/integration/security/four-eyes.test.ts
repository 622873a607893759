// Issue #16 part 2: four eyes where money leaves the fund's favour — a payment plan refused by the policy because of
// the debtor's history, an INASTI acceptance cancelling more than the threshold, a legal-parameter change (and, in
// tests/integration/money/jobs-four-eyes.test.ts, a real import run). One staff member proposes, another approves;
// the proposer never approves their own proposal.
import { describe, expect, it } from "vitest";
import { testDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { dbDate } from "@/lib/clock";
import { makeCommunication } from "@/prisma/factories";
import { charterDeadlines } from "@/lib/domain";
import { INASTI_FOUR_EYES_CENTS } from "@/lib/domain/four-eyes";
import { AppError, NotFoundError } from "@/lib/errors";
import { approveSecond } from "@/lib/dal/requests/approve-second";
import { decideRequest } from "@/lib/dal/requests/decide-request";
import { getRequestForStaff } from "@/lib/dal/requests/get-request-for-staff";
import { recordInastiDecision } from "@/lib/dal/requests/record-inasti-decision";
import { updateParameter } from "@/lib/dal/parameters/update-parameter";
import { approveParameterChange } from "@/lib/dal/parameters/approve-parameter-change";
import { listParameters } from "@/lib/dal/parameters/list-parameters";

const prisma = testDatabase();
const today = "2026-11-28";

const expectCode = async (p: Promise<unknown>, code: string) => {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
};

let seq = 0;
async function request(affiliateId: string, type: "PAYMENT_PLAN" | "EXEMPTION" | "SURCHARGE_WAIVER", payload: object, status: "IN_REVIEW" | "FORWARDED" = "IN_REVIEW") {
  const d = charterDeadlines({ filedOn: "2026-11-02" });
  return prisma.request.create({
    data: { reference: `D-2026-${String(700 + ++seq).padStart(6, "0")}`, type, status, affiliateId, payload, filedOn: dbDate("2026-11-02"), decisionDueOn: dbDate(d.decisionDueOn), events: { create: [{ toStatus: "SUBMITTED" }] } },
  });
}

describe("four eyes on a payment plan the debtor's history puts outside the policy", () => {
  it.each([
    ["judicial recovery pending", "judicial-recovery-pending"],
    ["a plan already in force", "plan-already-active"],
    ["two plans broken in three years", "two-broken-plans-in-three-years"],
  ] as const)("%s: the acceptance waits for a second advisor, then the plan is in force", async (_label, refusal) => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const id = a.affiliate.id;
    if (refusal === "judicial-recovery-pending")
      await prisma.recoveryCase.create({ data: { affiliateId: id, status: "JUDICIAL", currentStep: "BAILIFF", debtCents: 300_000, oldestDueOn: dbDate("2026-03-31"), openedOn: dbDate("2026-05-01") } });
    if (refusal === "plan-already-active")
      await prisma.paymentPlan.create({ data: { affiliateId: id, status: "ACTIVE", debtCents: 100_000, advanceCents: 10_000, months: 6, startOn: dbDate("2026-06-01") } });
    if (refusal === "two-broken-plans-in-three-years")
      for (const on of ["2025-02-01", "2026-03-01"])
        await prisma.paymentPlan.create({ data: { affiliateId: id, status: "BROKEN", brokenOn: dbDate(on), debtCents: 100_000, advanceCents: 10_000, months: 6, startOn: dbDate("2024-06-01") } });
    const { viewer: anna } = await staffUser(prisma, "ADVISOR", "anna");
    const { viewer: bert } = await staffUser(prisma, "ADVISOR", "bert");
    // terms inside the policy: only the history refuses it
    const r = await request(id, "PAYMENT_PLAN", { debtCents: 300_000, advanceCents: 30_000, months: 10 });
    expect((await getRequestForStaff(anna, r.id, today)).planRefusals).toEqual([refusal]);
    expect(await decideRequest(anna, { requestId: r.id, decision: "accept", reasonCode: "planOutsidePolicy", text: "Situation examinée" }, today)).toEqual({ status: "AWAITING_SECOND_APPROVAL", awaitingSecondApproval: true });
    expect(await prisma.paymentPlan.count({ where: { requestId: r.id } })).toBe(0);
    await expectCode(approveSecond(anna, { requestId: r.id, approve: true, reason: "" }, today), "fourEyesSameStaff");
    await approveSecond(bert, { requestId: r.id, approve: true, reason: "" }, today);
    expect(await prisma.paymentPlan.findUniqueOrThrow({ where: { requestId: r.id } })).toMatchObject({ status: "ACTIVE", affiliateId: id });
  });
});

describe("four eyes on an INASTI acceptance above the threshold", () => {
  async function exemption(quarters: number) {
    const a = await affiliateWithCall(prisma, "Alpha");
    const calls = [a.call];
    for (let q = 2; q <= quarters; q++) {
      const { id: _id, createdAt: _c, ...rest } = a.call;
      const call = await prisma.contributionCall.create({ data: { ...rest, breakdown: rest.breakdown as never, quarter: q, structuredCommunication: makeCommunication(`26129${String(q).padStart(5, "0")}`) } });
      await prisma.ledgerEntry.createMany({
        data: [
          { affiliateId: a.affiliate.id, kind: "CALL", amountCents: call.contributionCents, bookedOn: dbDate("2026-01-01"), callId: call.id, reasonCode: "call.provisional" },
          { affiliateId: a.affiliate.id, kind: "FEE", amountCents: call.managementFeeCents, bookedOn: dbDate("2026-01-01"), callId: call.id, reasonCode: "call.managementFee" },
        ],
      });
      calls.push(call);
    }
    const r = await request(a.affiliate.id, "EXEMPTION", { callIds: calls.map((c) => c.id), reason: "OTHER", motivation: "Difficultés", inasti: { sentOn: "2026-11-10" } }, "FORWARDED");
    return { a, calls, r, total: calls.reduce((s, c) => s + c.totalCents, 0) };
  }
  const balance = async (affiliateId: string) => (await prisma.ledgerEntry.aggregate({ where: { affiliateId }, _sum: { amountCents: true } }))._sum.amountCents ?? 0;
  const input = (requestId: string) => ({ requestId, outcome: "accepted" as const, decidedOn: "2026-11-25", inastiReference: "RSVZ-42", note: "" });

  it("under the threshold, one advisor records it and the ledger follows at once", async () => {
    const { a, r, total } = await exemption(1);
    expect(total).toBeLessThanOrEqual(INASTI_FOUR_EYES_CENTS);
    const { viewer: anna } = await staffUser(prisma, "ADVISOR", "anna");
    expect(await recordInastiDecision(anna, input(r.id), today)).toEqual({ cancelledCents: total, awaitingSecondApproval: false });
    expect(await balance(a.affiliate.id)).toBe(0);
  });

  it("above it, the acceptance waits for a second advisor: nothing cancelled until approved, the proposer cannot approve, a rejection sends it back", async () => {
    const { a, r, total } = await exemption(2);
    expect(total).toBeGreaterThan(INASTI_FOUR_EYES_CENTS);
    const { viewer: anna } = await staffUser(prisma, "ADVISOR", "anna");
    const { viewer: bert } = await staffUser(prisma, "ADVISOR", "bert");
    expect(await recordInastiDecision(anna, input(r.id), today)).toEqual({ cancelledCents: 0, awaitingSecondApproval: true });
    expect(await balance(a.affiliate.id)).toBe(total);
    expect((await getRequestForStaff(bert, r.id, today)).proposal).toMatchObject({ decision: "inasti-accept", proposedByName: "anna" });
    await expectCode(approveSecond(anna, { requestId: r.id, approve: true, reason: "" }, today), "fourEyesSameStaff");
    // rejected: back to "forwarded", INASTI's decision still to record
    expect(await approveSecond(bert, { requestId: r.id, approve: false, reason: "référence à vérifier" }, today)).toMatchObject({ status: "FORWARDED" });
    expect(await balance(a.affiliate.id)).toBe(total);
    await recordInastiDecision(anna, input(r.id), today);
    expect(await approveSecond(bert, { requestId: r.id, approve: true, reason: "" }, today)).toMatchObject({ status: "ACCEPTED" });
    expect(await balance(a.affiliate.id)).toBe(0);
    expect(await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: "ACCEPTED", decidedById: anna.userId, proposedById: null });
    // approving again changes nothing
    await expectCode(approveSecond(bert, { requestId: r.id, approve: true, reason: "" }, today), "fourEyesNothingToApprove");
    expect(await prisma.ledgerEntry.count({ where: { affiliateId: a.affiliate.id, kind: "ADJUSTMENT" } })).toBe(4);
  });
});

describe("four eyes on a legal-parameter change", () => {
  it("an admin proposes, a second person applies; the proposer cannot; one proposal at a time; a figure changed meanwhile is refused", async () => {
    const p = await prisma.legalParameter.create({ data: { year: 2026, key: "company.smallAmountCents", unit: "cents", value: 40831n, source: "https://example.test", status: "derived" } });
    const { viewer: admin } = await staffUser(prisma, "ADMIN", "adam");
    const { viewer: manager } = await staffUser(prisma, "MANAGER", "mona");
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR", "anna");
    await updateParameter(admin, { id: p.id, value: "410,00", status: "confirmed", reason: "Grille INASTI 2026" });
    expect(await prisma.legalParameter.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ value: 40831n, status: "derived" });
    await expectCode(updateParameter(admin, { id: p.id, value: "420", status: "confirmed", reason: "Autre lecture" }), "parameterChangePending");
    const change = await prisma.legalParameterChange.findFirstOrThrow();
    await expectCode(approveParameterChange(admin, { changeId: change.id, approve: true }), "fourEyesSameStaff");
    await expect(approveParameterChange(advisor, { changeId: change.id, approve: true })).rejects.toBeInstanceOf(NotFoundError);
    expect(await approveParameterChange(manager, { changeId: change.id, approve: true })).toBe("applied");
    expect(await prisma.legalParameter.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ value: 41000n, status: "confirmed" });
    expect(await prisma.auditLog.count({ where: { action: "parameter.update", actorId: manager.userId } })).toBe(1);
    // a proposal made on a figure that has changed since is refused, not applied over it
    await updateParameter(admin, { id: p.id, value: "415 €", status: "confirmed", reason: "Arrondi" });
    const second = await prisma.legalParameterChange.findFirstOrThrow({ where: { state: "PROPOSED" } });
    await prisma.legalParameter.update({ where: { id: p.id }, data: { value: 41001n } });
    await expectCode(approveParameterChange(manager, { changeId: second.id, approve: true }), "parameterChangedMeanwhile");
    expect((await listParameters(manager, 2026))[0]).toMatchObject({ value: "41001", pending: { value: "41500" } });
    expect(await approveParameterChange(manager, { changeId: second.id, approve: false })).toBe("rejected");
    expect((await listParameters(manager, 2026))[0]).toMatchObject({ value: "41001", pending: null, changes: 1 });
  });
});
