// Back office on a real PostgreSQL: work queues on legal deadlines, decisions through the domain's state machine,
// four eyes enforced on the server, the motivated decision letter and who may download it.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { dbDate } from "@/prisma/factories";
import { todayInBrussels } from "@/lib/clock";
import { approveSecond } from "@/lib/dal/requests/approve-second";
import { assignDossierAdvisor } from "@/lib/dal/dossiers/assign-dossier-advisor";
import { assignRequest } from "@/lib/dal/requests/assign-request";
import { decideRequest } from "@/lib/dal/requests/decide-request";
import { getDecisionLetter } from "@/lib/dal/documents/get-decision-letter";
import { getRequestForStaff } from "@/lib/dal/requests/get-request-for-staff";
import { listWorkQueue } from "@/lib/dal/requests/list-work-queue";
import { charterDeadlines } from "@/lib/domain";
import { prisma as appPrisma } from "@/lib/db/client";
import { AppError, NotFoundError } from "@/lib/errors";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));

let seq = 0;
async function request(affiliateId: string, type: "REDUCTION" | "PAYMENT_PLAN" | "QUESTION", filedOn: string, status: "SUBMITTED" | "IN_REVIEW" = "IN_REVIEW", payload: object = {}) {
  const d = charterDeadlines({ filedOn });
  return prisma.request.create({
    data: {
      reference: `T-2026-${String(++seq).padStart(6, "0")}`,
      type,
      status,
      affiliateId,
      payload,
      filedOn: dbDate(filedOn),
      informationDueOn: dbDate(d.informationDueOn),
      decisionDueOn: dbDate(d.decisionDueOn),
      events: { create: [{ toStatus: "SUBMITTED" }] },
    },
  });
}

const expectCode = async (p: Promise<unknown>, code: string) => {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
};

describe("work queues", () => {
  it("sorts open requests and messages by time left, with text badges, filters and assignment", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR", "anna");
    const { viewer: colleague } = await staffUser(prisma, "ADVISOR", "bert");
    const today = "2026-11-28";
    const late = await request(a.affiliate.id, "REDUCTION", "2026-07-01"); // decision due 2026-11-01: late
    const atRisk = await request(a.affiliate.id, "QUESTION", "2026-10-20"); // information due 2026-12-04: 6 days
    const onTime = await request(a.affiliate.id, "PAYMENT_PLAN", "2026-11-20"); // due 2027-03-20
    await prisma.request.create({ data: { reference: "T-closed", type: "REDUCTION", status: "ACCEPTED", affiliateId: a.affiliate.id, filedOn: dbDate("2026-01-01") } });
    const thread = await prisma.messageThread.create({ data: { affiliateId: a.affiliate.id, subject: "Question", status: "OPEN", answerDueOn: dbDate("2026-11-30") } });

    const all = (await listWorkQueue(advisor, {}, today)).items;
    expect(all.map((i) => i.id)).toEqual([late.id, thread.id, atRisk.id, onTime.id]);
    expect(all.map((i) => i.badge)).toEqual(["late", "at-risk", "at-risk", "on-time"]);
    expect(all[0]).toMatchObject({ dueOn: "2026-11-01", daysLeft: -27, deadline: "decision" });
    expect(all[2]).toMatchObject({ dueOn: "2026-12-04", deadline: "information" });

    expect((await listWorkQueue(advisor, { type: "MESSAGE" }, today)).items.map((i) => i.id)).toEqual([thread.id]);
    expect((await listWorkQueue(advisor, { type: "QUESTION" }, today)).items.map((i) => i.id)).toEqual([atRisk.id]);

    await assignRequest(advisor, { requestId: onTime.id, assigneeId: advisor.userId });
    await assignRequest(advisor, { requestId: late.id, assigneeId: colleague.userId });
    expect((await listWorkQueue(advisor, { advisor: "me" }, today)).items.map((i) => i.id)).toEqual([onTime.id]);
    expect((await listWorkQueue(colleague, { advisor: "me" }, today)).items.map((i) => i.id)).toEqual([late.id]);
    expect((await listWorkQueue(advisor, { advisor: "none", type: "QUESTION" }, today)).items.map((i) => i.id)).toEqual([atRisk.id]);
    // the dossier's named advisor answers its messages
    await assignDossierAdvisor(advisor, { affiliateId: a.affiliate.id, advisorId: colleague.userId });
    expect((await listWorkQueue(colleague, { advisor: "me", type: "MESSAGE" }, today)).items.map((i) => i.id)).toEqual([thread.id]);
    expect(await prisma.auditLog.count({ where: { action: "request.assign" } })).toBe(2);
    // only advisors can be assigned; affiliates see no queue
    const { viewer: manager } = await staffUser(prisma, "MANAGER", "mona");
    await expectCode(assignRequest(advisor, { requestId: late.id, assigneeId: manager.userId }), "assigneeNotAdvisor");
    await expect(listWorkQueue(a.viewer, {}, today)).rejects.toBeInstanceOf(NotFoundError);
    await expect(assignRequest(manager, { requestId: late.id, assigneeId: advisor.userId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(assignRequest(advisor, { requestId: "missing", assigneeId: advisor.userId })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("decisions", () => {
  it("asking for information pauses the decision clock; every transition is an event with who and why", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR", "anna");
    const r = await request(a.affiliate.id, "REDUCTION", "2026-11-01", "SUBMITTED");
    // the real clock stamps the events; the paused stay is measured from their dates in Brussels to the injected today
    const today = todayInBrussels(new Date(), "");
    await decideRequest(advisor, { requestId: r.id, decision: "start-review", reasonCode: "", text: "" }, today);
    await decideRequest(advisor, { requestId: r.id, decision: "ask-information", reasonCode: "informationMissing", text: "Bilan 2025" }, today);
    const paused = (await listWorkQueue(advisor, {}, today)).items;
    expect(paused[0]).toMatchObject({ id: r.id, badge: "paused", status: "INFORMATION_REQUESTED" });
    // the information arrives 10 days later: the decision deadline moves by 10 days
    const later = new Date(Date.parse(`${today}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10);
    await decideRequest(advisor, { requestId: r.id, decision: "information-received", reasonCode: "", text: "" }, later);
    const row = await prisma.request.findUniqueOrThrow({ where: { id: r.id } });
    expect(row.pausedDays).toBe(10);
    expect(row.decisionDueOn?.toISOString().slice(0, 10)).toBe("2027-03-11");
    const events = await prisma.requestEvent.findMany({ where: { requestId: r.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.actorId])).toEqual([
      [null, "SUBMITTED", null],
      ["SUBMITTED", "IN_REVIEW", advisor.userId],
      ["IN_REVIEW", "INFORMATION_REQUESTED", advisor.userId],
      ["INFORMATION_REQUESTED", "IN_REVIEW", advisor.userId],
    ]);
    expect(events[2].reason).toBe("informationMissing — Bilan 2025");
    // the domain's state machine refuses what it does not allow
    await expectCode(decideRequest(advisor, { requestId: r.id, decision: "close", reasonCode: "", text: "" }, later), "transitionNotAllowed");
    await expect(decideRequest(a.viewer, { requestId: r.id, decision: "accept", reasonCode: "", text: "" }, later)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a refusal needs a second staff member: the proposer can never approve it; the letter goes to its owner only", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const other = await affiliateWithCall(prisma, "Bravo");
    const { viewer: proposer } = await staffUser(prisma, "ADVISOR", "anna");
    const { viewer: second } = await staffUser(prisma, "ADVISOR", "bert");
    const today = "2026-11-28";
    const r = await request(a.affiliate.id, "REDUCTION", "2026-11-01");
    const out = await decideRequest(proposer, { requestId: r.id, decision: "refuse", reasonCode: "noObjectiveElements", text: "Aucune pièce jointe." }, today);
    expect(out).toEqual({ status: "AWAITING_SECOND_APPROVAL", awaitingSecondApproval: true });
    expect((await getRequestForStaff(proposer, r.id, today)).canApprove).toBe(false);
    expect((await getRequestForStaff(second, r.id, today)).canApprove).toBe(true);
    // the proposer cannot approve (nor decide again while the proposal waits)
    await expectCode(approveSecond(proposer, { requestId: r.id, approve: true, reason: "" }, today), "fourEyesSameStaff");
    await expectCode(decideRequest(proposer, { requestId: r.id, decision: "accept", reasonCode: "", text: "" }, today), "fourEyesPending");
    expect((await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("AWAITING_SECOND_APPROVAL");
    expect(await prisma.document.count()).toBe(0);
    await expect(getDecisionLetter(a.viewer, r.id)).rejects.toBeInstanceOf(NotFoundError);

    await approveSecond(second, { requestId: r.id, approve: true, reason: "ok" }, today);
    const row = await prisma.request.findUniqueOrThrow({ where: { id: r.id } });
    expect(row).toMatchObject({ status: "REFUSED", decidedById: proposer.userId, decisionReasonCode: "noObjectiveElements", proposedById: null });
    const last = await prisma.requestEvent.findFirstOrThrow({ where: { requestId: r.id }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ fromStatus: "AWAITING_SECOND_APPROVAL", toStatus: "REFUSED", actorId: second.userId });
    // approving twice is refused
    await expectCode(approveSecond(second, { requestId: r.id, approve: true, reason: "" }, today), "fourEyesNothingToApprove");

    const doc = await prisma.document.findFirstOrThrow({ where: { requestId: r.id } });
    expect(doc).toMatchObject({ kind: "DECISION", affiliateId: a.affiliate.id, mimeType: "application/pdf" });
    const own = await getDecisionLetter(a.viewer, r.id);
    expect(Buffer.from(own.content).subarray(0, 5).toString()).toBe("%PDF-");
    expect(Buffer.from(own.content).toString("latin1")).toContain("/StructTreeRoot");
    await expect(getDecisionLetter(other.viewer, r.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDecisionLetter(null, r.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDecisionLetter(second, r.id)).resolves.toMatchObject({ fileName: `decision-${r.reference}.pdf` });
  });

  it("a payment plan outside policy waits for a second approval, one within policy is accepted at once; a rejected proposal goes back to review", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const { viewer: proposer } = await staffUser(prisma, "ADVISOR", "anna");
    const { viewer: manager } = await staffUser(prisma, "ADVISOR", "mona");
    const today = "2026-11-28";
    const outside = await request(a.affiliate.id, "PAYMENT_PLAN", "2026-11-01", "IN_REVIEW", { debtCents: 300_000, advanceCents: 30_000, months: 24 });
    const within = await request(a.affiliate.id, "PAYMENT_PLAN", "2026-11-01", "IN_REVIEW", { debtCents: 300_000, advanceCents: 30_000, months: 10 });
    const view = await getRequestForStaff(proposer, outside.id, today);
    expect(view.planRefusals).toEqual(["too-many-months"]);
    expect(await decideRequest(proposer, { requestId: within.id, decision: "accept", reasonCode: "planWithinPolicy", text: "" }, today)).toEqual({ status: "ACCEPTED", awaitingSecondApproval: false });
    expect(await decideRequest(proposer, { requestId: outside.id, decision: "accept", reasonCode: "planOutsidePolicy", text: "Situation médicale" }, today)).toEqual({ status: "AWAITING_SECOND_APPROVAL", awaitingSecondApproval: true });
    // another advisor is the second pair of eyes (managers see figures, not dossiers); rejecting sends it back to review
    await approveSecond(manager, { requestId: outside.id, approve: false, reason: "24 mois : trop long" }, today);
    expect((await prisma.request.findUniqueOrThrow({ where: { id: outside.id } })).status).toBe("IN_REVIEW");
    await decideRequest(proposer, { requestId: outside.id, decision: "accept", reasonCode: "planOutsidePolicy", text: "" }, today);
    await approveSecond(manager, { requestId: outside.id, approve: true, reason: "" }, today);
    expect((await prisma.request.findUniqueOrThrow({ where: { id: outside.id } })).status).toBe("ACCEPTED");
    // an affiliate can neither propose nor approve
    await expect(approveSecond(a.viewer, { requestId: outside.id, approve: true, reason: "" }, today)).rejects.toBeInstanceOf(NotFoundError);
  });
});
