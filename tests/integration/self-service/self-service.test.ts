// Affiliate self-service on a real PostgreSQL: every function answers only for the caller's own dossier
// (another affiliate's record, staff and anonymous callers get NotFoundError), plans inside the policy are
// accepted with their schedule, questions reach the named advisor.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { dbDate, makeIban } from "@/prisma/factories";
import { NotFoundError } from "@/lib/errors";
import { prisma as appPrisma } from "@/lib/db/client";
import { getMyCallStatement } from "@/lib/dal/account/get-my-call-statement";
import { getMyPaymentInstructions } from "@/lib/dal/account/get-my-payment-instructions";
import { requestDirectDebitMandate } from "@/lib/dal/payments/request-direct-debit-mandate";
import { askMyAdvisor } from "@/lib/dal/requests/ask-my-advisor";
import { getMyRequest } from "@/lib/dal/requests/get-my-request";
import { listMyRequests } from "@/lib/dal/requests/list-my-requests";
import { requestMyPaymentPlan } from "@/lib/dal/requests/request-my-payment-plan";
import { simulateMyPaymentPlan } from "@/lib/dal/requests/simulate-my-payment-plan";
import { isValidStructuredCommunication, quarterlyContribution, requiredAdvanceCents } from "@/lib/domain";
import { requestMyContributionChange } from "@/lib/dal/contributions/request-my-contribution-change";
import { simulateMyContributionChange } from "@/lib/dal/contributions/simulate-my-contribution-change";
import { simulateContribution } from "@/lib/dal/contributions/simulate-contribution";
import { getMyProfile } from "@/lib/dal/profile/get-my-profile";
import { updateMyProfile } from "@/lib/dal/profile/update-my-profile";
import { startSession } from "@/lib/auth/sessions";
import { hashPassword } from "@/lib/auth/password";
import { getMyAffiliationCertificate } from "@/lib/dal/documents/get-my-affiliation-certificate";
import { getMyDocumentCopy } from "@/lib/dal/documents/get-my-document-copy";
import { getMyTaxCertificate } from "@/lib/dal/documents/get-my-tax-certificate";
import { listMyDocuments } from "@/lib/dal/documents/list-my-documents";
import { renderPdf, taxCertificateText } from "@/lib/letters/certificates";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(async () => {
  await resetDatabase(prisma);
  await prisma.fund.create({
    data: { id: 1, name: "Caisse Test", iban: makeIban("001", 4_242_424), bic: "GEBABEBB", creditorId: "BE69ZZZ0403170701", managementFeeBp: 305, address: "Rue 1", phone: "0", email: "info@test.be" },
  });
});

async function pay(affiliateId: string, callId: string, amountCents: number, valueOn: string) {
  const entries = await prisma.ledgerEntry.findMany({ where: { callId }, orderBy: { id: "asc" }, include: { allocationsTo: true } });
  const payment = await prisma.ledgerEntry.create({
    data: { affiliateId, kind: "PAYMENT", amountCents: -amountCents, bookedOn: dbDate(valueOn), valueOn: dbDate(valueOn), reasonCode: "payment.received", reasonParams: { valueOn } },
  });
  let rest = amountCents;
  for (const e of entries) {
    const open = e.amountCents - e.allocationsTo.reduce((x, al) => x + al.amountCents, 0);
    const part = Math.min(rest, open);
    if (part <= 0) continue;
    await prisma.paymentAllocation.create({ data: { paymentEntryId: payment.id, targetEntryId: e.id, amountCents: part } });
    rest -= part;
  }
}

describe("call statement", () => {
  it("explains a call with each payment, its value date and where it was allocated", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    await pay(a.affiliate.id, a.call.id, 50_000, "2026-02-10");
    const s = await getMyCallStatement(a.viewer, a.call.id);
    expect(s.payments).toHaveLength(1);
    expect(s.payments[0]).toMatchObject({ valueOn: "2026-02-10", amountCents: 50_000, allocatedToCallCents: 50_000 });
    expect(s.payments[0].allocations).toEqual([expect.objectContaining({ targetKind: "CALL", amountCents: 50_000 })]);
    expect(s.outstandingCents).toBe(a.contribution.totalCents - 50_000);
    expect(s.regularisation).toEqual({ kind: "pending", year: 2026 });
    expect(s.surcharges).toEqual([]);
  });

  it("refuses another affiliate's call, staff and anonymous callers", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const b = await affiliateWithCall(prisma, "Bravo");
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR");
    await expect(getMyCallStatement(a.viewer, b.call.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMyCallStatement(advisor, a.call.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMyCallStatement(null, a.call.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("pay page and direct-debit mandate", () => {
  it("lists only the caller's open calls with the fund's IBAN and the call's communication", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    await affiliateWithCall(prisma, "Bravo");
    const p = await getMyPaymentInstructions(a.viewer);
    expect(p.fund.iban).toBe(makeIban("001", 4_242_424));
    expect(p.calls).toEqual([expect.objectContaining({ id: a.call.id, outstandingCents: a.contribution.totalCents, structuredCommunication: a.call.structuredCommunication })]);
    await pay(a.affiliate.id, a.call.id, a.contribution.totalCents, "2026-03-01");
    expect((await getMyPaymentInstructions(a.viewer)).calls).toEqual([]);
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR");
    await expect(getMyPaymentInstructions(advisor)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("records a PENDING mandate on a valid IBAN with a unique reference, once", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const b = await affiliateWithCall(prisma, "Bravo");
    await expect(requestDirectDebitMandate(a.viewer, "2026-02-01", { iban: "BE00 0000 0000 0000" })).rejects.toMatchObject({ kind: "invalid", fieldErrors: { iban: ["invalidIban"] } });
    expect(await prisma.directDebitMandate.count()).toBe(0);
    const iban = makeIban("001", 1_234_567);
    const r = await requestDirectDebitMandate(a.viewer, "2026-02-01", { iban: iban.replace(/(.{4})/g, "$1 ") });
    const rb = await requestDirectDebitMandate(b.viewer, "2026-02-01", { iban });
    expect(r).toMatchObject({ status: "PENDING", iban, signedOn: "2026-02-01" });
    expect(r.reference).not.toBe(rb.reference);
    await expect(requestDirectDebitMandate(a.viewer, "2026-02-02", { iban })).rejects.toMatchObject({ kind: "refused", code: "alreadyRequested" });
    expect(await prisma.directDebitMandate.count({ where: { affiliateId: a.affiliate.id } })).toBe(1);
    expect(await prisma.auditLog.count({ where: { action: "mandate.request", actorId: a.user.id } })).toBe(1);
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR");
    await expect(requestDirectDebitMandate(advisor, "2026-02-01", { iban })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("payment plan", () => {
  it("accepts a plan inside the policy at once, with instalments summing to the debt and their own communications", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const debt = a.contribution.totalCents;
    const sim = await simulateMyPaymentPlan(a.viewer, "2026-05-04", { months: 6 });
    expect(sim).toMatchObject({ debtCents: debt, eligible: true, requiredAdvanceCents: requiredAdvanceCents(debt) });
    const filed = await requestMyPaymentPlan(a.viewer, "2026-05-04", { months: 6 });
    expect(filed.status).toBe("ACCEPTED");
    expect(filed.reference).toMatch(/^D-2026-\d{6}$/);
    const r = await getMyRequest(a.viewer, filed.reference);
    expect(r.events.map((e) => e.toStatus)).toEqual(["SUBMITTED", "IN_REVIEW", "ACCEPTED"]);
    expect(r.decisionDueOn).toBe("2026-09-04");
    expect(r.plan!.instalments).toHaveLength(7);
    expect(r.plan!.instalments[0]).toMatchObject({ seq: 0, dueOn: "2026-05-19", amountCents: requiredAdvanceCents(debt) });
    expect(r.plan!.instalments[1].dueOn).toBe("2026-06-04");
    expect(r.plan!.instalments.reduce((s, i) => s + i.amountCents, 0)).toBe(debt);
    for (const i of r.plan!.instalments) expect(isValidStructuredCommunication(i.structuredCommunication)).toBe(true);
    expect(new Set(r.plan!.instalments.map((i) => i.structuredCommunication)).size).toBe(7);
    // a second plan while one is active goes to the advisor with the reason
    const second = await requestMyPaymentPlan(a.viewer, "2026-05-05", { months: 6 });
    expect(second.status).toBe("SUBMITTED");
    expect(second.reference).not.toBe(filed.reference);
    expect((await getMyRequest(a.viewer, second.reference)).events[0].reason).toContain("plan-already-active");
    expect(await prisma.paymentPlan.count()).toBe(1);
  });

  it("sends a plan outside the policy to the advisor without creating a plan", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const { user: advisorUser } = await staffUser(prisma, "ADVISOR");
    await prisma.affiliate.update({ where: { id: a.affiliate.id }, data: { advisorId: advisorUser.id } });
    const filed = await requestMyPaymentPlan(a.viewer, "2026-05-04", { months: 24 });
    expect(filed.status).toBe("SUBMITTED");
    const row = await prisma.request.findUniqueOrThrow({ where: { reference: filed.reference } });
    expect(row.assigneeId).toBe(advisorUser.id);
    expect(await prisma.paymentPlan.count()).toBe(0);
    // nothing overdue yet: no debt, so no plan either
    const early = await simulateMyPaymentPlan(a.viewer, "2026-02-01", { months: 6 });
    expect(early).toMatchObject({ debtCents: 0, eligible: false, refusals: expect.arrayContaining(["no-debt"]) });
  });

  it("refuses another affiliate's request, staff and anonymous callers", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const b = await affiliateWithCall(prisma, "Bravo");
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR");
    const filed = await requestMyPaymentPlan(a.viewer, "2026-05-04", { months: 6 });
    await expect(getMyRequest(b.viewer, filed.reference)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMyRequest(advisor, filed.reference)).rejects.toBeInstanceOf(NotFoundError);
    await expect(requestMyPaymentPlan(advisor, "2026-05-04", { months: 6 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(simulateMyPaymentPlan(null, "2026-05-04", { months: 6 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listMyRequests(advisor)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listMyRequests(b.viewer)).length).toBe(0);
    expect((await listMyRequests(a.viewer)).map((r) => r.reference)).toEqual([filed.reference]);
  });
});

describe("question to the advisor", () => {
  it("opens a thread with the message, due in 45 days, and e-mails the named advisor", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const { user: advisorUser, viewer: advisor } = await staffUser(prisma, "ADVISOR");
    await prisma.affiliate.update({ where: { id: a.affiliate.id }, data: { advisorId: advisorUser.id } });
    const r = await askMyAdvisor(a.viewer, "2026-11-28", { kind: "QUESTION", subject: "Mon avis Q4", body: "Pourquoi ce montant ?" });
    expect(r.answerDueOn).toBe("2027-01-12");
    const row = await prisma.request.findUniqueOrThrow({ where: { reference: r.reference }, include: { thread: { include: { messages: true } } } });
    expect(row).toMatchObject({ type: "QUESTION", status: "SUBMITTED", assigneeId: advisorUser.id });
    expect(row.thread).toMatchObject({ subject: "Mon avis Q4", status: "OPEN", answerDueOn: dbDate("2027-01-12") });
    expect(row.thread!.messages).toMatchObject([{ authorId: a.user.id, body: "Pourquoi ce montant ?" }]);
    const mail = await prisma.outboundEmail.findMany({ where: { template: "message.toAdvisor" } });
    expect(mail).toHaveLength(1);
    expect(mail[0].to).toBe(advisorUser.email);
    expect(mail[0].subject).toContain(r.reference);
    await expect(askMyAdvisor(advisor, "2026-11-28", { kind: "QUESTION", subject: "x", body: "y" })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("reduction and increase of the provisional contributions", () => {
  it("computes the new quarterly amount; a reduction goes to the advisor, an increase is accepted at once", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const { user: advisorUser, viewer: advisor } = await staffUser(prisma, "ADVISOR");
    await prisma.affiliate.update({ where: { id: a.affiliate.id }, data: { advisorId: advisorUser.id } });
    const expected = quarterlyContribution({ year: 2026, category: "main", annualIncomeCents: 2_500_000, managementFeeBp: 305 });
    const sim = await simulateMyContributionChange(a.viewer, "2026-05-04", { estimatedIncomeCents: 2_500_000 });
    if (typeof sim === "string") throw new Error(sim);
    expect(sim).toMatchObject({ kind: "REDUCTION", current: a.contribution.totalCents, year: 2026, category: "MAIN", sanctionQuarterlyBp: 300, sanctionAnnualBp: 700 });
    expect(sim.next.totalCents).toBe(expected.totalCents);
    const reduction = await requestMyContributionChange(a.viewer, "2026-05-04", { estimatedIncomeCents: 2_500_000, justification: "Perte d'un gros client" });
    expect(reduction.status).toBe("SUBMITTED");
    const row = await prisma.request.findUniqueOrThrow({ where: { reference: reduction.reference } });
    expect(row).toMatchObject({ type: "REDUCTION", assigneeId: advisorUser.id, payload: expect.objectContaining({ newQuarterlyCents: expected.totalCents, currentQuarterlyCents: a.contribution.totalCents }) });
    const increase = await requestMyContributionChange(a.viewer, "2026-05-04", { estimatedIncomeCents: 6_000_000, justification: "Nouveau contrat important" });
    expect(increase.status).toBe("ACCEPTED");
    expect((await getMyRequest(a.viewer, increase.reference)).events.map((e) => e.toStatus)).toEqual(["SUBMITTED", "IN_REVIEW", "ACCEPTED"]);
    // the increase took effect at once: the call now asks the amount of a 60 000 € income, so asking it again changes nothing
    await expect(requestMyContributionChange(a.viewer, "2026-05-04", { estimatedIncomeCents: 6_000_000, justification: "Pas de changement" })).rejects.toMatchObject({ kind: "invalid", fieldErrors: { estimatedIncome: ["unchanged"] } });
    await expect(simulateMyContributionChange(advisor, "2026-05-04", { estimatedIncomeCents: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(requestMyContributionChange(null, "2026-05-04", { estimatedIncomeCents: 1, justification: "x" })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("public simulator", () => {
  it("computes with the domain, the fund's fee and the legal figures as corrected by staff", async () => {
    const input = { year: 2026, category: "MAIN" as const, annualIncomeCents: 4_000_000, primoStarter: false };
    const r = await simulateContribution(null, input);
    const expected = quarterlyContribution({ year: 2026, category: "main", annualIncomeCents: 4_000_000, managementFeeBp: 305 });
    expect(r).toEqual({ ok: true, managementFeeBp: 305, result: expected });
    await prisma.legalParameter.create({ data: { year: 2026, key: "contribution.band1RateBp", unit: "bp", value: 2000n, source: "test", status: "confirmed" } });
    const corrected = await simulateContribution(null, input);
    if (!corrected.ok) throw new Error(corrected.code);
    expect(corrected.result.contributionCents).toBeLessThan(expected.contributionCents);
    expect(await simulateContribution(null, { ...input, year: 1999 })).toEqual({ ok: false, code: "invalidInput" });
    expect(await simulateContribution(null, { ...input, annualIncomeCents: -1 })).toEqual({ ok: false, code: "invalidInput" });
  });
});

describe("profile", () => {
  it("saves contact details, language, preferences and a validated refund IBAN, logging each change", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const before = await getMyProfile(a.viewer);
    expect(before.prefs).toEqual({ email: true, sms: false, paper: false });
    const iban = makeIban("310", 1_234_567);
    await expect(updateMyProfile(a.viewer, { ...before, refundIban: "BE35 3101 2345 6738" })).rejects.toMatchObject({ kind: "invalid", fieldErrors: { refundIban: ["invalidIban"] } });
    // the refund account is where the fund's money goes: it changes only with the current password (step-up)
    await prisma.user.update({ where: { id: a.user.id }, data: { passwordHash: await hashPassword("une phrase de passe longue") } });
    const change = { ...before, city: "Namur", language: "nl" as const, prefs: { email: true, sms: true, paper: false }, refundIban: iban.replace(/(.{4})/g, "$1 ") };
    await expect(updateMyProfile(a.viewer, change)).rejects.toMatchObject({ kind: "invalid", fieldErrors: { currentPassword: ["stepUpRequired"] } });
    await expect(updateMyProfile(a.viewer, change, { password: "pas le bon" })).rejects.toMatchObject({ kind: "invalid", fieldErrors: { currentPassword: ["wrongPassword"] } });
    expect((await getMyProfile(a.viewer)).city).toBe(before.city); // nothing saved
    const r = await updateMyProfile(a.viewer, change, { password: "une phrase de passe longue" });
    expect(r).toEqual({ changed: ["city", "language", "refundIban", "notificationPrefs"] });
    const after = await getMyProfile(a.viewer);
    expect(after).toMatchObject({ city: "Namur", language: "nl", refundIban: iban, prefs: { email: true, sms: true, paper: false } });
    const log = await prisma.auditLog.findMany({ where: { action: "profile.update", entityId: a.affiliate.id } });
    expect(log).toHaveLength(1);
    expect(log[0].details).toMatchObject({ city: { to: "Namur" }, refundIban: { from: "", to: iban } });
    expect(await updateMyProfile(a.viewer, { ...after })).toEqual({ changed: [] });
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR");
    await expect(getMyProfile(advisor)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateMyProfile(advisor, after)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a new e-mail address needs the password or a fresh eID sign-in, and the previous address is told", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    await prisma.person.update({ where: { id: a.person.id }, data: { email: "old@example.test" } });
    const before = await getMyProfile(a.viewer);
    const change = { ...before, email: "new@example.test" };
    // a password session is not enough without the password…
    const pw = await startSession(a.user.id, "password");
    await expect(updateMyProfile(a.viewer, change, { password: "", sessionId: pw })).rejects.toMatchObject({ fieldErrors: { currentPassword: ["stepUpRequired"] } });
    // …an eID sign-in of the last 10 minutes is, an older one is not
    const old = await startSession(a.user.id, "fas", {}, new Date(Date.now() - 11 * 60_000));
    await expect(updateMyProfile(a.viewer, change, { password: "", sessionId: old })).rejects.toMatchObject({ fieldErrors: { currentPassword: ["stepUpRequired"] } });
    const fresh = await startSession(a.user.id, "fas");
    expect(await updateMyProfile(a.viewer, change, { password: "", sessionId: fresh })).toEqual({ changed: ["email"] });
    const notice = await prisma.outboundEmail.findFirstOrThrow({ where: { template: "profile.changed" } });
    expect(notice).toMatchObject({ to: "old@example.test", affiliateId: a.affiliate.id });
    expect(notice.text).toContain("l'adresse e-mail");
    expect(notice.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe("documents", () => {
  it("builds the tax certificate of a year from the payments' allocations in that year", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const fee = a.contribution.managementFeeCents;
    await pay(a.affiliate.id, a.call.id, a.contribution.contributionCents, "2025-12-30"); // value date in 2025
    await pay(a.affiliate.id, a.call.id, fee, "2026-02-10");
    const c2026 = await getMyTaxCertificate(a.viewer, 2026, "2026-11-28");
    expect(c2026.payments).toEqual([{ valueOn: "2026-02-10", contributionCents: 0, feeCents: fee, surchargeCents: 0 }]);
    expect(c2026.totals).toEqual({ contributionCents: 0, feeCents: fee, surchargeCents: 0, deductibleCents: fee });
    const c2025 = await getMyTaxCertificate(a.viewer, 2025, "2026-11-28");
    expect(c2025.totals.contributionCents).toBe(a.contribution.contributionCents);
    expect(c2025.holder).toMatchObject({ name: "Test Alpha", identifierKind: "niss", identifier: a.person.niss });
    const text = taxCertificateText("fr", c2025);
    expect(text.title).toBe("Attestation fiscale — cotisations sociales payées en 2025");
    expect(JSON.stringify(text.blocks)).toContain("30/12/2025");
    const pdf = await renderPdf("nl", taxCertificateText("nl", c2025), "Caisse Test");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await expect(getMyTaxCertificate(a.viewer, 2027, "2026-11-28")).rejects.toBeInstanceOf(NotFoundError);
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR");
    await expect(getMyTaxCertificate(advisor, 2026, "2026-11-28")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMyAffiliationCertificate(advisor, "2026-11-28")).rejects.toBeInstanceOf(NotFoundError);
    const aff = await getMyAffiliationCertificate(a.viewer, "2026-11-28");
    expect(aff.affiliations).toEqual([expect.objectContaining({ startOn: "2015-01-01", periods: [expect.objectContaining({ category: "MAIN", fromOn: "2015-01-01" })] })]);
  });

  it("gives copies of the caller's own documents only", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const b = await affiliateWithCall(prisma, "Bravo");
    const mine = await prisma.document.create({ data: { affiliateId: a.affiliate.id, kind: "DECISION", fileName: "decision.pdf", mimeType: "application/pdf", sizeBytes: 9, content: Buffer.from("%PDF-1.7\n") } });
    const theirs = await prisma.document.create({ data: { affiliateId: b.affiliate.id, kind: "DECISION", fileName: "b.pdf", mimeType: "application/pdf", sizeBytes: 9, content: Buffer.from("%PDF-1.7\n") } });
    expect((await listMyDocuments(a.viewer)).map((d) => d.id)).toEqual([mine.id]);
    expect(Buffer.from((await getMyDocumentCopy(a.viewer, mine.id)).content).toString()).toBe("%PDF-1.7\n");
    await expect(getMyDocumentCopy(a.viewer, theirs.id)).rejects.toBeInstanceOf(NotFoundError);
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR");
    await expect(getMyDocumentCopy(advisor, mine.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listMyDocuments(null)).rejects.toBeInstanceOf(NotFoundError);
  });
});
