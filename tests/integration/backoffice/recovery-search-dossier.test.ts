// Recovery path enforced on the server (no bailiff before a personal contact), write-off with four eyes,
// typo-tolerant search on the trigram index, and the dossier's notes, links, timeline and access log.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall, companyAffiliate, staffUser } from "../helpers/fixtures";
import { dbDate, makeCommunication, makeIban } from "@/prisma/factories";
import { approveWriteOff } from "@/lib/dal/recovery/approve-write-off";
import { getRecoveryCase } from "@/lib/dal/recovery/get-recovery-case";
import { getRecoveryLetter } from "@/lib/dal/documents/get-recovery-letter";
import { proposeWriteOff } from "@/lib/dal/recovery/propose-write-off";
import { recordRecoveryStep } from "@/lib/dal/recovery/record-recovery-step";
import { addDossierNote } from "@/lib/dal/dossiers/add-dossier-note";
import { getDossier } from "@/lib/dal/dossiers/get-dossier";
import { getDossierDetails } from "@/lib/dal/dossiers/get-dossier-details";
import { searchDossiers } from "@/lib/dal/dossiers/search-dossiers";
import { prisma as appPrisma } from "@/lib/db/client";
import { AppError, NotFoundError } from "@/lib/errors";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));

const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

async function recoveryCase(affiliateId: string, steps: ("REMINDER" | "ACCOUNT_STATEMENT" | "FORMAL_NOTICE" | "PERSONAL_CONTACT")[]) {
  return prisma.recoveryCase.create({
    data: {
      affiliateId,
      status: "OPEN",
      currentStep: steps[steps.length - 1],
      debtCents: 120_000,
      oldestDueOn: dbDate("2021-03-31"),
      openedOn: dbDate("2026-01-15"),
      steps: { create: steps.map((kind, i) => ({ kind, on: dbDate(`2026-0${i + 2}-01`) })) },
    },
  });
}

describe("recovery", () => {
  it("refuses the bailiff and the lawyer before a personal contact is logged, on the server", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const { viewer } = await staffUser(prisma, "ADVISOR", "anna");
    const c = await recoveryCase(a.affiliate.id, ["REMINDER", "ACCOUNT_STATEMENT", "FORMAL_NOTICE"]);
    const today = "2026-11-28";
    expect(await codeOf(recordRecoveryStep(viewer, { caseId: c.id, kind: "BAILIFF", note: "", costCents: 18_500 }, today))).toBe("recovery.stepNotAllowed");
    expect(await codeOf(recordRecoveryStep(viewer, { caseId: c.id, kind: "LAWYER", note: "", costCents: 0 }, today))).toBe("recovery.stepNotAllowed");
    expect((await prisma.recoveryCase.findUniqueOrThrow({ where: { id: c.id } })).currentStep).toBe("FORMAL_NOTICE");
    expect(await prisma.recoveryStep.count({ where: { caseId: c.id } })).toBe(3);
    // a case that somehow reached the contact step without a logged contact (e.g. imported): still refused
    const imported = await prisma.recoveryCase.create({
      data: { affiliateId: a.affiliate.id, status: "OPEN", currentStep: "PERSONAL_CONTACT", debtCents: 1, oldestDueOn: dbDate("2025-03-31"), openedOn: dbDate("2025-05-01") },
    });
    expect(await codeOf(recordRecoveryStep(viewer, { caseId: imported.id, kind: "BAILIFF", note: "", costCents: 0 }, today))).toBe("recovery.stepNotAllowed");

    await recordRecoveryStep(viewer, { caseId: c.id, kind: "PERSONAL_CONTACT", note: "Appel, pas de solution", costCents: 0 }, today);
    expect((await getRecoveryCase(viewer, c.id, today)).nextSteps).toEqual(["BAILIFF", "LAWYER", "CLOSED"]);
    await recordRecoveryStep(viewer, { caseId: c.id, kind: "BAILIFF", note: "", costCents: 18_500 }, today);
    await recordRecoveryStep(viewer, { caseId: c.id, kind: "HEARING", note: "Tribunal du travail de Namur", costCents: 0 }, today);
    await recordRecoveryStep(viewer, { caseId: c.id, kind: "JUDGMENT", note: "Condamnation", costCents: 9_000 }, today);
    const view = await getRecoveryCase(viewer, c.id, today);
    expect(view).toMatchObject({ status: "JUDICIAL", currentStep: "JUDGMENT", costsCents: 27_500, personalContactOn: today, prescription: "soon", prescribesOn: "2027-01-01" });
    expect(await prisma.auditLog.count({ where: { action: "recovery.step" } })).toBe(4);
    await expect(recordRecoveryStep(a.viewer, { caseId: c.id, kind: "CLOSED", note: "", costCents: 0 }, today)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a payment plan in force suspends the path", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const { viewer } = await staffUser(prisma, "ADVISOR", "anna");
    const c = await recoveryCase(a.affiliate.id, ["REMINDER"]);
    await prisma.paymentPlan.create({ data: { affiliateId: a.affiliate.id, status: "ACTIVE", debtCents: 120_000, advanceCents: 12_000, months: 6, startOn: dbDate("2026-10-01") } });
    expect(await codeOf(recordRecoveryStep(viewer, { caseId: c.id, kind: "ACCOUNT_STATEMENT", note: "", costCents: 0 }, "2026-11-28"))).toBe("recovery.suspendedByPlan");
    expect((await getRecoveryCase(viewer, c.id, "2026-11-28")).planInForce).toBe(true);
    await prisma.paymentPlan.updateMany({ data: { status: "BROKEN" } });
    expect(await codeOf(recordRecoveryStep(viewer, { caseId: c.id, kind: "ACCOUNT_STATEMENT", note: "", costCents: 0 }, "2026-11-28"))).toBe("ok");
    // the account statement is a letter (PDF) kept with the dossier, for staff only through this function
    const letters = (await getRecoveryCase(viewer, c.id, "2026-11-28")).letters;
    expect(letters).toMatchObject([{ fileName: "account-statement-2026-11-28.pdf" }]);
    const pdf = await getRecoveryLetter(viewer, letters[0].id);
    expect(Buffer.from(pdf.content).subarray(0, 5).toString()).toBe("%PDF-");
    expect(await prisma.document.count({ where: { affiliateId: a.affiliate.id, kind: "RECOVERY_LETTER" } })).toBe(1);
    await expect(getRecoveryLetter(a.viewer, letters[0].id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("writes off only with a second staff member, once", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const { viewer: anna } = await staffUser(prisma, "ADVISOR", "anna");
    const { viewer: bert } = await staffUser(prisma, "ADVISOR", "bert");
    // the case covers the debts due by the day it opened: Q1 2026 (due 31/03), opened in April
    const c = await prisma.recoveryCase.create({ data: { affiliateId: a.affiliate.id, status: "OPEN", currentStep: "REMINDER", debtCents: 120_000, oldestDueOn: dbDate("2026-03-31"), openedOn: dbDate("2026-04-15") } });
    expect(await codeOf(approveWriteOff(anna, { caseId: c.id, note: "" }, "2026-11-28"))).toBe("writeOffNotProposed");
    await proposeWriteOff(anna, { caseId: c.id, note: "Insolvable" });
    expect(await codeOf(approveWriteOff(anna, { caseId: c.id, note: "" }, "2026-11-28"))).toBe("writeOffSameStaff");
    expect(await prisma.ledgerEntry.count({ where: { kind: "WRITE_OFF" } })).toBe(0);
    await approveWriteOff(bert, { caseId: c.id, note: "" }, "2026-11-28");
    expect(await prisma.recoveryCase.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "WRITTEN_OFF", currentStep: "WRITE_OFF" });
    // what is owed when approved (the whole Q1 call), not the 1 200 € recorded when the case opened
    expect(await prisma.ledgerEntry.findMany({ where: { kind: "WRITE_OFF" } })).toMatchObject([{ amountCents: -a.contribution.totalCents, affiliateId: a.affiliate.id }]);
    expect(await codeOf(approveWriteOff(bert, { caseId: c.id, note: "" }, "2026-11-28"))).toBe("recovery.closed");
  });
});

describe("search", () => {
  it("finds a dossier by a mistyped name, a structured communication or an IBAN", async () => {
    const a = await affiliateWithCall(prisma, "Vandenbroucke");
    const b = await affiliateWithCall(prisma, "Dubois");
    const mx = await affiliateWithCall(prisma, "Martineau");
    const m = await affiliateWithCall(prisma, "Martin");
    const c = await companyAffiliate(prisma, "Boulangerie Vandenbroucke SRL");
    const { viewer } = await staffUser(prisma, "ADVISOR", "anna");
    const ids = async (q: string) => (await searchDossiers(viewer, q)).map((h) => h.id);
    expect(await ids("Vandenbrouke")).toEqual(expect.arrayContaining([a.affiliate.id, c.affiliate.id])); // missing letter
    expect(await ids("vandenbroucke test")).toContain(a.affiliate.id); // lower case, full name
    expect((await ids("Dubuis"))[0]).toBe(b.affiliate.id); // wrong letter
    expect(await ids("Duboiss")).toContain(b.affiliate.id); // doubled letter
    expect(await ids("Dübois")).toContain(b.affiliate.id); // accent
    expect(await ids("Dubuis")).not.toContain(a.affiliate.id);
    expect(await ids("Zzyzx")).toEqual([]);
    expect((await ids("Martin"))[0]).toBe(m.affiliate.id); // the exact surname before a longer one containing it
    expect((await ids("Martineau"))[0]).toBe(mx.affiliate.id);
    expect(await ids("Boulangerie Vandenbroucke")).toContain(c.affiliate.id); // a company by its name
    const comm = b.call.structuredCommunication;
    expect(await ids(`+++${comm.slice(0, 3)}/${comm.slice(3, 7)}/${comm.slice(7)}+++`)).toEqual([b.affiliate.id]);
    const iban = makeIban("001", 1234567);
    await prisma.affiliate.update({ where: { id: a.affiliate.id }, data: { refundIban: iban } });
    expect(await ids(iban.replace(/(.{4})/g, "$1 ").trim())).toEqual([a.affiliate.id]);
    expect(await ids(makeCommunication("9999999999"))).toEqual([]);
  });
});

describe("dossier", () => {
  it("shows notes, links, requests and one timeline; logs each opening with its reason", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const { viewer } = await staffUser(prisma, "ADVISOR", "anna");
    const c = await companyAffiliate(prisma, "Alpha SRL");
    await prisma.companyDirector.create({ data: { companyId: c.company.id, personId: a.person.id, fromOn: dbDate("2020-01-01") } });
    await prisma.request.create({ data: { reference: "T-1", type: "REDUCTION", status: "SUBMITTED", affiliateId: a.affiliate.id, filedOn: dbDate("2026-11-01") } });
    await addDossierNote(viewer, { affiliateId: a.affiliate.id, body: "A appelé pour un plan" });
    await getDossier(viewer, a.affiliate.id, "2026-11-28", "phone");
    const d = await getDossierDetails(viewer, a.affiliate.id);
    expect(d.links).toEqual([{ kind: "directorOf", name: "Alpha SRL", affiliateId: c.affiliate.id }]);
    expect((await getDossierDetails(viewer, c.affiliate.id)).links).toEqual([{ kind: "director", name: "Test Alpha", affiliateId: a.affiliate.id }]);
    expect(d.notes).toMatchObject([{ authorName: "anna", body: "A appelé pour un plan" }]);
    expect(d.requests).toMatchObject([{ reference: "T-1" }]);
    expect(d.accessLog).toMatchObject([{ staffName: "anna", what: "dossier.view", reason: "phone" }]);
    expect(d.timeline.map((e) => e.kind).sort()).toEqual(["ledger", "ledger", "note", "request"]);
    expect(d.timeline[d.timeline.length - 1].kind).toBe("ledger"); // 2026-01-01, the oldest
    await expect(addDossierNote(a.viewer, { affiliateId: a.affiliate.id, body: "x" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDossierDetails(a.viewer, a.affiliate.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(addDossierNote(viewer, { affiliateId: "missing", body: "xx" })).rejects.toBeInstanceOf(NotFoundError);
  });
});
