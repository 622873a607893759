// Conversations on a real PostgreSQL (issue #13 part 1): the advisor's answer to a question is a message of its
// thread that closes the request (the legal clock stops at the answer) and tells the affiliate by e-mail (unless
// they opted out); a request for information is the question the affiliate reads and answers with evidence,
// which resumes the clock; the "answered within 45 days" indicator reads the answer, never a bare close.
import { describe, expect, it } from "vitest";
import { testDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { addDays, charterDeadlines } from "@/lib/domain";
import { todayInBrussels } from "@/lib/clock";
import { AppError, NotFoundError } from "@/lib/errors";
import { askMyAdvisor } from "@/lib/dal/requests/ask-my-advisor";
import { answerRequest } from "@/lib/dal/requests/answer-request";
import { decideRequest } from "@/lib/dal/requests/decide-request";
import { replyToMyRequest } from "@/lib/dal/requests/reply-to-my-request";
import { getMyRequest } from "@/lib/dal/requests/get-my-request";
import { getRequestForStaff } from "@/lib/dal/requests/get-request-for-staff";
import { requestMyContributionChange } from "@/lib/dal/contributions/request-my-contribution-change";
import { loadRequests } from "@/lib/kpi/load";
import { requestObservations } from "@/lib/kpi/compute-requests";
import { dbDate, makeIban } from "@/prisma/factories";

const prisma = testDatabase();
const TODAY = todayInBrussels(new Date(), "");
const enc = (s: string) => new TextEncoder().encode(s);
const PDF = enc("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

let n = 0;
async function world() {
  n++;
  await prisma.fund.upsert({
    where: { id: 1 },
    create: { id: 1, name: "Caisse Test", iban: makeIban("001", 4_242_424), bic: "GEBABEBB", creditorId: "BE69ZZZ0403170701", managementFeeBp: 305, address: "Rue 1", phone: "0", email: "info@test.be" },
    update: {},
  });
  const a = await affiliateWithCall(prisma, `Conv${n}a`);
  const other = await affiliateWithCall(prisma, `Conv${n}b`);
  const adv = await staffUser(prisma, "ADVISOR", `adv${n}`);
  const manager = await staffUser(prisma, "MANAGER", `mgr${n}`);
  await prisma.affiliate.update({ where: { id: a.affiliate.id }, data: { advisorId: adv.user.id } });
  await prisma.person.update({ where: { id: a.person.id }, data: { email: `conv${n}@mail.test` } });
  return { a, other, adv, manager };
}

async function question(w: Awaited<ReturnType<typeof world>>) {
  const filed = await askMyAdvisor(w.a.viewer, TODAY, { kind: "QUESTION", subject: "Ma cotisation", body: "Pourquoi ma cotisation a-t-elle augmenté ?" });
  return prisma.request.findUniqueOrThrow({ where: { reference: filed.reference } });
}

const codeOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof AppError ? e.code : Promise.reject(e)));

describe("the advisor answers a question", () => {
  it("writes the message with its attachment, closes the request through the state machine and e-mails the affiliate", async () => {
    const w = await world();
    const q = await question(w);
    const out = await answerRequest(w.adv.viewer, { requestId: q.id, body: "Votre revenu de référence a augmenté." }, [{ name: "calcul.pdf", bytes: PDF }], TODAY);
    expect(out).toEqual({ status: "CLOSED", emailed: true });

    const r = await prisma.request.findUniqueOrThrow({ where: { id: q.id }, include: { events: { orderBy: { id: "asc" } }, thread: { include: { messages: { orderBy: { createdAt: "asc" } } } } } });
    expect(r.status).toBe("CLOSED");
    expect(r.decisionReasonCode).toBe("answered");
    expect(r.events.map((e) => [e.fromStatus, e.toStatus])).toEqual([[null, "SUBMITTED"], ["SUBMITTED", "IN_REVIEW"], ["IN_REVIEW", "CLOSED"]]);
    expect(r.thread!.status).toBe("ANSWERED");
    expect(r.thread!.messages.map((m) => [m.authorId, m.kind])).toEqual([[w.a.user.id, "MESSAGE"], [w.adv.user.id, "MESSAGE"]]);
    const doc = await prisma.document.findFirstOrThrow({ where: { messageId: r.thread!.messages[1].id } });
    expect(doc).toMatchObject({ kind: "EVIDENCE", requestId: q.id, affiliateId: w.a.affiliate.id, mimeType: "application/pdf", fileName: "calcul.pdf" });

    const mail = await prisma.outboundEmail.findFirstOrThrow({ where: { template: "notice.answer" } });
    expect(mail.to).toBe(`conv${n}@mail.test`);
    expect(mail.text).toContain(`/me/requests/${q.reference}`);
    expect(mail.text).not.toContain("revenu de référence"); // never the answer itself

    // the affiliate reads it, with the attachment; the staff page shows the thread with names
    const mine = await getMyRequest(w.a.viewer, q.reference);
    expect(mine.thread!.messages.map((m) => [m.mine, m.fromFund, m.body])).toEqual([
      [true, false, "Pourquoi ma cotisation a-t-elle augmenté ?"],
      [false, true, "Votre revenu de référence a augmenté."],
    ]);
    expect(mine.thread!.messages[1].attachments).toEqual([{ id: doc.id, fileName: "calcul.pdf", sizeBytes: PDF.byteLength }]);
    expect(mine.canReply).toBe(false);
    const staff = await getRequestForStaff(w.adv.viewer, q.id, TODAY);
    expect(staff.thread!.messages[1].authorName).toBe(w.adv.user.name);
    expect(staff.canAnswer).toBe(false);

    // a second answer is refused (closed), nothing more is written
    expect(await codeOf(answerRequest(w.adv.viewer, { requestId: q.id, body: "Encore" }, [], TODAY))).toBe("transitionNotAllowed");
    expect(await prisma.message.count()).toBe(2);
  });

  it("sends no e-mail to an affiliate who opted out, and refuses a file that is not evidence", async () => {
    const w = await world();
    await prisma.affiliate.update({ where: { id: w.a.affiliate.id }, data: { notificationPrefs: { email: false, sms: false, paper: true } } });
    const q = await question(w);
    expect(await codeOf(answerRequest(w.adv.viewer, { requestId: q.id, body: "Réponse" }, [{ name: "x.pdf", bytes: enc("<html>") }], TODAY))).toBe("validation");
    expect(await prisma.message.count()).toBe(1);
    const out = await answerRequest(w.adv.viewer, { requestId: q.id, body: "Réponse" }, [], TODAY);
    expect(out.emailed).toBe(false);
    expect(await prisma.outboundEmail.count({ where: { template: "notice.answer" } })).toBe(0);
  });

  it("is a 404 for another affiliate, anonymous and a manager; only questions and complaints are answered", async () => {
    const w = await world();
    const q = await question(w);
    await expect(answerRequest(null, { requestId: q.id, body: "x" }, [], TODAY)).rejects.toBeInstanceOf(NotFoundError);
    await expect(answerRequest(w.manager.viewer, { requestId: q.id, body: "x" }, [], TODAY)).rejects.toBeInstanceOf(NotFoundError);
    await expect(answerRequest(w.other.viewer, { requestId: q.id, body: "x" }, [], TODAY)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMyRequest(w.other.viewer, q.reference)).rejects.toBeInstanceOf(NotFoundError);
    await expect(replyToMyRequest(w.other.viewer, q.reference, { body: "intrus" }, [], TODAY)).rejects.toBeInstanceOf(NotFoundError);
    await expect(replyToMyRequest(w.adv.viewer, q.reference, { body: "intrus" }, [], TODAY)).rejects.toBeInstanceOf(NotFoundError);
    const change = await requestMyContributionChange(w.a.viewer, TODAY, { estimatedIncomeCents: 1_800_000, justification: "Mon activité a fortement diminué cette année." });
    const cr = await prisma.request.findUniqueOrThrow({ where: { reference: change.reference } });
    expect(await codeOf(answerRequest(w.adv.viewer, { requestId: cr.id, body: "x" }, [], TODAY))).toBe("notAQuestion");
    expect(await prisma.request.findUniqueOrThrow({ where: { id: q.id } })).toMatchObject({ status: "SUBMITTED" });
  });
});

describe("a request for information", () => {
  it("is the question the affiliate reads; answered with an upload, the request is back in review with the paused days counted", async () => {
    const w = await world();
    const change = await requestMyContributionChange(w.a.viewer, TODAY, { estimatedIncomeCents: 1_800_000, justification: "Mon activité a fortement diminué cette année." });
    const r0 = await prisma.request.findUniqueOrThrow({ where: { reference: change.reference } });
    await prisma.request.update({ where: { id: r0.id }, data: { assigneeId: w.adv.user.id } });
    if (r0.status === "SUBMITTED") await decideRequest(w.adv.viewer, { requestId: r0.id, decision: "start-review", reasonCode: "", text: "" }, TODAY);
    expect(await codeOf(decideRequest(w.adv.viewer, { requestId: r0.id, decision: "ask-information", reasonCode: "informationMissing", text: "" }, TODAY))).toBe("validation");
    await decideRequest(w.adv.viewer, { requestId: r0.id, decision: "ask-information", reasonCode: "informationMissing", text: "Joignez votre bilan 2025." }, TODAY);

    const asked = await getMyRequest(w.a.viewer, change.reference);
    expect(asked.status).toBe("INFORMATION_REQUESTED");
    expect(asked.pendingQuestion).toEqual({ body: "Joignez votre bilan 2025.", replyDueOn: addDays(TODAY, 30) });
    expect(asked.canReply).toBe(true);
    const ask = await prisma.outboundEmail.findFirstOrThrow({ where: { template: "notice.information" } });
    expect(ask.text).toContain(`/me/requests/${change.reference}`);

    // filed twenty days ago, the pause began ten days ago
    const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
    await prisma.request.update({ where: { id: r0.id }, data: { filedOn: dbDate(addDays(TODAY, -20)), decisionDueOn: dbDate(charterDeadlines({ filedOn: addDays(TODAY, -20) }).decisionDueOn) } });
    await prisma.requestEvent.updateMany({ where: { requestId: r0.id, toStatus: { in: ["SUBMITTED", "IN_REVIEW"] } }, data: { at: daysAgo(20) } });
    const pause = await prisma.requestEvent.findFirstOrThrow({ where: { requestId: r0.id, toStatus: "INFORMATION_REQUESTED" } });
    await prisma.requestEvent.update({ where: { id: pause.id }, data: { at: new Date(Date.now() - 10 * 86_400_000) } });
    await prisma.message.updateMany({ where: { kind: "INFORMATION_REQUEST" }, data: { createdAt: new Date(Date.now() - 10 * 86_400_000) } });
    const before = await prisma.request.findUniqueOrThrow({ where: { id: r0.id } });

    expect(await codeOf(replyToMyRequest(w.a.viewer, change.reference, { body: "" }, [], TODAY))).toBe("validation");
    const out = await replyToMyRequest(w.a.viewer, change.reference, { body: "" }, [{ name: "bilan.pdf", bytes: PDF }], TODAY);
    expect(out).toEqual({ status: "IN_REVIEW", resumed: true });

    const r = await prisma.request.findUniqueOrThrow({ where: { id: r0.id }, include: { events: { orderBy: { id: "asc" } } } });
    expect(r.status).toBe("IN_REVIEW");
    expect(r.pausedDays).toBe(10);
    expect(r.decisionDueOn!.getTime()).toBe(before.decisionDueOn!.getTime() + 10 * 86_400_000);
    expect(r.events.at(-1)).toMatchObject({ fromStatus: "INFORMATION_REQUESTED", toStatus: "IN_REVIEW", actorId: w.a.user.id });
    const messages = await prisma.message.findMany({ orderBy: { createdAt: "asc" } });
    expect(messages.map((m) => [m.authorId, m.kind])).toEqual([[w.adv.user.id, "INFORMATION_REQUEST"], [w.a.user.id, "MESSAGE"]]);
    expect(await prisma.document.count({ where: { messageId: messages[1].id, fileName: "bilan.pdf" } })).toBe(1);

    // the assigned advisor is told
    const told = await prisma.outboundEmail.findFirstOrThrow({ where: { template: "request.affiliateReplied" } });
    expect(told.to).toBe(w.adv.user.email);
    const staff = await getRequestForStaff(w.adv.viewer, r0.id, TODAY);
    expect(staff.thread!.messages.map((m) => m.kind)).toEqual(["INFORMATION_REQUEST", "MESSAGE"]);
    expect((await getMyRequest(w.a.viewer, change.reference)).pendingQuestion).toBeNull();
  });
});

describe("the indicator 'answered within 45 days'", () => {
  it("reads the first answer, not a request for information nor a close without answer", async () => {
    const w = await world();
    const answered = await question(w);
    await answerRequest(w.adv.viewer, { requestId: answered.id, body: "Réponse." }, [], TODAY);
    const closedOnly = await question(w);
    await decideRequest(w.adv.viewer, { requestId: closedOnly.id, decision: "start-review", reasonCode: "", text: "" }, TODAY);
    await decideRequest(w.adv.viewer, { requestId: closedOnly.id, decision: "close", reasonCode: "answered", text: "" }, TODAY);
    // the answer was sent 20 days after filing, the request closed today: the answer's day counts
    const late = await question(w);
    await answerRequest(w.adv.viewer, { requestId: late.id, body: "Réponse." }, [], TODAY);
    const filedOn = addDays(TODAY, -60);
    await prisma.request.update({ where: { id: late.id }, data: { filedOn: dbDate(filedOn), informationDueOn: dbDate(addDays(filedOn, 45)) } });
    await prisma.message.updateMany({ where: { thread: { requestId: late.id }, authorId: w.adv.user.id }, data: { createdAt: new Date(`${addDays(filedOn, 20)}T10:00:00Z`) } });

    const records = await loadRequests(prisma, { ids: [answered.id, closedOnly.id, late.id] });
    const answerObs = (id: string) => {
      const rec = records.find((x) => x.id === id)!;
      return requestObservations(rec, TODAY).find((o) => o.indicator === "answer_45d") ?? null;
    };
    expect(answerObs(answered.id)).toMatchObject({ ok: true, on: TODAY });
    expect(answerObs(closedOnly.id)).toBeNull(); // not answered, not yet due: not counted as answered
    expect(answerObs(late.id)).toMatchObject({ ok: true, on: addDays(filedOn, 20) });
  });
});

describe("a misdirected question (#18 part 3)", () => {
  it("is forwarded to the competent institution: recorded, closed as forwarded, the affiliate told to whom and when", async () => {
    const w = await world();
    const q = await question(w);
    await expect(answerRequest(w.manager.viewer, { requestId: q.id, body: "", forwardTo: "famiris" }, [], TODAY)).rejects.toBeInstanceOf(NotFoundError);
    const out = await answerRequest(w.adv.viewer, { requestId: q.id, body: "Bonne journée.", forwardTo: "famiris" }, [], TODAY);
    expect(out.status).toBe("CLOSED");
    const r = await prisma.request.findUniqueOrThrow({ where: { id: q.id }, include: { events: { orderBy: { id: "asc" } } } });
    expect(r).toMatchObject({ status: "CLOSED", decisionReasonCode: "forwarded", decisionText: "famiris" });
    expect(await prisma.auditLog.findFirstOrThrow({ where: { action: "request.forward", entityId: q.id } })).toMatchObject({ affiliateId: w.a.affiliate.id, details: { institution: "famiris", on: TODAY } });
    // the affiliate reads, in their thread, to whom and when it went, and where to follow it
    const mine = await getMyRequest(w.a.viewer, q.reference);
    const answer = mine.thread!.messages.at(-1)!;
    expect(answer.fromFund).toBe(true);
    expect(answer.body).toContain("les allocations familiales à Bruxelles (Famiris et les autres caisses)");
    expect(answer.body).toContain("https://famiris.brussels");
    expect(answer.body).toContain("Bonne journée.");
    expect(answer.body).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await prisma.notification.count({ where: { affiliateId: w.a.affiliate.id, kind: "forwarded" } })).toBe(1);
    expect(await prisma.outboundEmail.count({ where: { template: "notice.forwarded", to: `conv${n}@mail.test` } })).toBe(1);
    // twice: nothing more (the question is closed)
    expect(await codeOf(answerRequest(w.adv.viewer, { requestId: q.id, body: "", forwardTo: "famiris" }, [], TODAY))).toBe("transitionNotAllowed");
  });
});
