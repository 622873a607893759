// Issue #16 part 4: every staff read of a person's data is logged (who, when, what, for which affiliate) and the
// person sees each one on "who consulted my file"; managers and admins see figures, not dossiers.
import { describe, expect, it } from "vitest";
import { testDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { dbDate } from "@/lib/clock";
import { NotFoundError } from "@/lib/errors";
import { getDossier } from "@/lib/dal/dossiers/get-dossier";
import { getDossierDetails } from "@/lib/dal/dossiers/get-dossier-details";
import { searchDossiers } from "@/lib/dal/dossiers/search-dossiers";
import { getRequestForStaff } from "@/lib/dal/requests/get-request-for-staff";
import { getClaimForStaff } from "@/lib/dal/benefits/get-claim-for-staff";
import { getRecoveryCase } from "@/lib/dal/recovery/get-recovery-case";
import { getCallNoticePdf } from "@/lib/dal/documents/get-call-notice-pdf";
import { getDecisionLetter } from "@/lib/dal/documents/get-decision-letter";
import { getRecoveryLetter } from "@/lib/dal/documents/get-recovery-letter";
import { getEvidenceFile } from "@/lib/dal/documents/get-evidence-file";
import { findDossiersWithOpenCalls } from "@/lib/dal/payments/find-dossiers-with-open-calls";
import { getPaymentToReconcile } from "@/lib/dal/payments/get-payment-to-reconcile";
import { getDirectDebitFile } from "@/lib/dal/payments/get-direct-debit-file";
import { listMyDossierConsultations } from "@/lib/dal/profile/list-my-dossier-consultations";
import { STAFF_READS } from "@/lib/dto/account";
import { listWorkQueue } from "@/lib/dal/requests/list-work-queue";
import { exportWorkQueue } from "@/lib/dal/requests/export-work-queue";

const prisma = testDatabase();
const TODAY = "2026-11-28";
const PDF = Buffer.from("%PDF-1.4\n%%EOF\n");

async function world() {
  await prisma.fund.create({ data: { name: "Caisse test", iban: "BE68539007547034", bic: "GKCCBEBB", creditorId: "BE12ZZZ0456810810", managementFeeBp: 305, address: "Rue 1", phone: "02", email: "info@test.be" } });
  const a = await affiliateWithCall(prisma, "Alpha");
  const other = await affiliateWithCall(prisma, "Bravo");
  const advisor = await staffUser(prisma, "ADVISOR", "anna");
  const manager = await staffUser(prisma, "MANAGER", "mona");
  const admin = await staffUser(prisma, "ADMIN", "adam");
  const id = a.affiliate.id;
  const request = await prisma.request.create({ data: { reference: "D-2026-000007", type: "REDUCTION", status: "ACCEPTED", affiliateId: id, filedOn: dbDate("2026-10-01"), payload: { year: 2026, estimatedIncomeCents: 2_000_000 } } });
  // an open request: the person's line on the advisor's work queue
  await prisma.request.create({ data: { reference: "D-2026-000008", type: "QUESTION", status: "SUBMITTED", affiliateId: id, filedOn: dbDate("2026-11-20"), informationDueOn: dbDate("2027-01-04"), payload: {} } });
  const evidence = await prisma.document.create({ data: { affiliateId: id, requestId: request.id, kind: "EVIDENCE", fileName: "bilan-2025.pdf", mimeType: "application/pdf", sizeBytes: PDF.length, content: PDF } });
  await prisma.document.create({ data: { affiliateId: id, requestId: request.id, kind: "DECISION", fileName: "decision.pdf", mimeType: "application/pdf", sizeBytes: PDF.length, content: PDF } });
  const claim = await prisma.benefitClaim.create({ data: { affiliateId: id, type: "CAREGIVER_ALLOWANCE", status: "REFUSED", filedOn: dbDate("2026-09-01") } });
  const recovery = await prisma.recoveryCase.create({ data: { affiliateId: id, status: "OPEN", currentStep: "REMINDER", debtCents: 100_000, oldestDueOn: dbDate("2026-03-31"), openedOn: dbDate("2026-05-01") } });
  const letter = await prisma.document.create({ data: { affiliateId: id, kind: "RECOVERY_LETTER", fileName: "rappel.pdf", mimeType: "application/pdf", sizeBytes: PDF.length, content: PDF, uniqueKey: `recovery:${recovery.id}:reminder` } });
  const mandate = await prisma.directDebitMandate.create({ data: { affiliateId: id, reference: "MDT-A-001", iban: "BE80001000000177", signedOn: dbDate("2026-03-01"), status: "ACTIVE" } });
  const batch = await prisma.directDebitBatch.create({ data: { messageId: "DD-TEST", collectOn: dbDate("2026-04-10"), fileName: "pain008-test.xml", xml: "<Document/>", totalCents: 100n, count: 1 } });
  await prisma.directDebitCollection.create({ data: { batchId: batch.id, mandateId: mandate.id, callId: a.call.id, endToEndId: "DD-TEST-1", amountCents: 100, sequenceType: "FRST", collectOn: dbDate("2026-04-10"), status: "PLANNED" } });
  const payment = await prisma.payment.create({ data: { affiliateId: id, source: "CODA", status: "MATCHED", amountCents: 10_000, valueOn: dbDate("2026-11-20"), counterpartyName: "ALPHA TEST", counterpartyIban: "BE80001000000177", communication: "COTISATION" } });
  return { a, other, advisor, manager, admin, request, evidence, claim, recovery, letter, payment, batch };
}

describe("the access log", () => {
  it("records every staff read of a person's data, and the person sees each one", async () => {
    const w = await world();
    const staff = w.advisor.viewer;
    const own = w.a.viewer;
    // the affiliate reading their own file is not a consultation
    await getCallNoticePdf(own, w.a.call.id);
    await getDecisionLetter(own, w.request.id);
    await getEvidenceFile(own, w.evidence.id);
    expect(await listMyDossierConsultations(own)).toEqual([]);

    await getDossier(staff, w.a.affiliate.id, TODAY, "phone");
    await getDossier(staff, w.a.affiliate.id, TODAY, "phone"); // the same visit (a refresh): one consultation
    await getRequestForStaff(staff, w.request.id, TODAY);
    await getClaimForStaff(staff, w.claim.id, TODAY);
    await getRecoveryCase(staff, w.recovery.id, TODAY);
    await getCallNoticePdf(staff, w.a.call.id);
    await getDecisionLetter(staff, w.request.id);
    await getRecoveryLetter(staff, w.letter.id);
    await getEvidenceFile(staff, w.evidence.id);
    await getPaymentToReconcile(staff, w.payment.id);
    expect((await listWorkQueue(staff, {}, TODAY)).items.map((i) => i.reference)).toEqual(["D-2026-000008"]);
    expect((await exportWorkQueue(staff, {}, TODAY, "fr")).rows).toHaveLength(1);
    await getDirectDebitFile(staff, w.batch.id);
    expect((await searchDossiers(staff, "Alpha")).map((h) => h.id)).toEqual([w.a.affiliate.id]);
    expect((await findDossiersWithOpenCalls(staff, "Alpha")).map((h) => h.affiliateId)).toEqual([w.a.affiliate.id]);

    const seen = await listMyDossierConsultations(own);
    // newest first, each with who, what, why and the words the page needs
    // every kind of read a staff member makes (an accountant's opening of a client's file: tests/integration/accountants)
    expect(seen.map((r) => r.what).sort()).toEqual([...STAFF_READS.filter((a) => a !== "client-file.view"), "search.result"].sort());
    expect(seen.every((r) => r.staffName === "anna")).toBe(true);
    expect(seen.find((r) => r.what === "dossier.view")).toMatchObject({ reason: "phone" });
    expect(seen.find((r) => r.what === "request.view")).toMatchObject({ reason: "request", details: { reference: "D-2026-000007" } });
    expect(seen.find((r) => r.what === "decision-letter.view")).toMatchObject({ details: { reference: "D-2026-000007" } });
    expect(seen.find((r) => r.what === "evidence.download")).toMatchObject({ details: { fileName: "bilan-2025.pdf" } });
    expect(seen.filter((r) => r.what === "search.result").map((r) => r.reason).sort()).toEqual(["payment", "search"]);
    // in the database: who, for which affiliate, on which record
    const rows = await prisma.auditLog.findMany({ where: { action: { in: [...STAFF_READS] } } });
    expect(rows).toHaveLength(14);
    expect(rows.every((r) => r.actorId === w.advisor.user.id && r.affiliateId === w.a.affiliate.id)).toBe(true);
    // the advisor's dossier page shows the same log; another affiliate's log stays empty
    expect((await getDossierDetails(staff, w.a.affiliate.id)).accessLog).toHaveLength(14);
    expect(await listMyDossierConsultations(w.other.viewer)).toEqual([]);
  });

  it("managers and admins see figures, not dossiers: every read answers 404 and nothing is logged", async () => {
    const w = await world();
    for (const v of [w.manager.viewer, w.admin.viewer]) {
      const reads = [
        getDossier(v, w.a.affiliate.id, TODAY),
        getDossierDetails(v, w.a.affiliate.id),
        searchDossiers(v, "Alpha"),
        getRequestForStaff(v, w.request.id, TODAY),
        getClaimForStaff(v, w.claim.id, TODAY),
        getRecoveryCase(v, w.recovery.id, TODAY),
        getCallNoticePdf(v, w.a.call.id),
        getDecisionLetter(v, w.request.id),
        getRecoveryLetter(v, w.letter.id),
        getEvidenceFile(v, w.evidence.id),
        getPaymentToReconcile(v, w.payment.id),
        findDossiersWithOpenCalls(v, "Alpha"),
        getDirectDebitFile(v, w.batch.id),
      ];
      for (const read of reads) await expect(read).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await prisma.auditLog.count()).toBe(0);
  });
});
