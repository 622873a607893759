// Evidence upload and the exemption / surcharge waiver / bridging right / caregiver allowance requests on a real
// PostgreSQL: files are typed by their content and written in the request's transaction (a refused file writes
// nothing), payloads are exactly what the advisor side reads, the download route answers only the owner or staff
// (logged), and staff or anonymous callers cannot use the affiliate functions.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { dbDate, makeIban } from "@/prisma/factories";
import { type Viewer } from "@/lib/auth/viewer";
import { AppError, NotFoundError } from "@/lib/errors";
import { prisma as appPrisma } from "@/lib/db/client";
import { askMyAdvisor } from "@/lib/dal/requests/ask-my-advisor";
import { getMyRequest } from "@/lib/dal/requests/get-my-request";
import { requestMyContributionChange } from "@/lib/dal/contributions/request-my-contribution-change";
import { getMyExemptionOptions } from "@/lib/dal/requests/get-my-exemption-options";
import { getMyWaiverOptions } from "@/lib/dal/requests/get-my-waiver-options";
import { requestMyExemption } from "@/lib/dal/requests/request-my-exemption";
import { requestMySurchargeWaiver } from "@/lib/dal/requests/request-my-surcharge-waiver";
import { requestMyBridgingRight } from "@/lib/dal/benefits/request-my-bridging-right";
import { requestMyCaregiverAllowance } from "@/lib/dal/benefits/request-my-caregiver-allowance";

// the route handler reads the session: here the signed-in viewer is whoever the test says
let sessionViewer: Viewer | null = null;
vi.mock("@/lib/auth/session", () => ({ currentViewer: async () => sessionViewer }));
const { GET: evidenceRoute } = await import("@/app/api/evidence/[id]/route");

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
/** What a use case refused with: its kind, code, field errors and details (a success is null). */
const refusalOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof AppError ? { kind: e.kind, code: e.code, ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}), ...e.details } : Promise.reject(e)),
  );

beforeEach(async () => {
  await resetDatabase(prisma);
  sessionViewer = null;
  await prisma.fund.create({
    data: { id: 1, name: "Caisse Test", iban: makeIban("001", 4_242_424), bic: "GEBABEBB", creditorId: "BE69ZZZ0403170701", managementFeeBp: 305, address: "Rue 1", phone: "0", email: "info@test.be" },
  });
});

const enc = (s: string) => new TextEncoder().encode(s);
const PDF = enc("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const TODAY = "2026-05-04";
const motivation = "Mon chiffre d'affaires a chuté de moitié depuis janvier.";

async function withAdvisor() {
  const a = await affiliateWithCall(prisma, `A${Math.random().toString(36).slice(2, 8)}`);
  const adv = await staffUser(prisma, "ADVISOR", `adv${Math.random().toString(36).slice(2, 8)}`);
  await prisma.affiliate.update({ where: { id: a.affiliate.id }, data: { advisorId: adv.user.id } });
  return { ...a, advisor: adv };
}

async function counts() {
  return { requests: await prisma.request.count(), documents: await prisma.document.count(), claims: await prisma.benefitClaim.count() };
}

/** Pays `amountCents` on the call, allocated to its entries in order (principal, fee, then surcharges). */
async function pay(affiliateId: string, callId: string, amountCents: number, valueOn: string) {
  const entries = await prisma.ledgerEntry.findMany({ where: { callId }, orderBy: { id: "asc" } });
  const payment = await prisma.ledgerEntry.create({
    data: { affiliateId, kind: "PAYMENT", amountCents: -amountCents, bookedOn: dbDate(valueOn), valueOn: dbDate(valueOn), reasonCode: "payment.received" },
  });
  let rest = amountCents;
  for (const e of entries) {
    const part = Math.min(rest, e.amountCents);
    if (part <= 0) continue;
    await prisma.paymentAllocation.create({ data: { paymentEntryId: payment.id, targetEntryId: e.id, amountCents: part } });
    rest -= part;
  }
}

describe("exemption with evidence", () => {
  it("files the request, its exact payload and the sniffed PDF in one go, for the dossier's advisor", async () => {
    const a = await withAdvisor();
    const options = await getMyExemptionOptions(a.viewer, TODAY);
    expect(options.refusals).toEqual([]);
    expect(options.calls).toEqual([expect.objectContaining({ id: a.call.id, principalOutstandingCents: a.contribution.totalCents, check: { id: a.call.id, eligible: true, refusals: [], windowEndsOn: "2027-03-31" } })]);
    const r = await requestMyExemption(a.viewer, TODAY, { callIds: [a.call.id], reason: "SECTOR_CRISIS", motivation }, [{ name: "bilan 2026.pdf", bytes: PDF }]);
    const row = await prisma.request.findUniqueOrThrow({ where: { reference: r.reference }, include: { documents: true, events: true } });
    expect(row).toMatchObject({ type: "EXEMPTION", status: "SUBMITTED", affiliateId: a.affiliate.id, assigneeId: a.advisor.user.id });
    expect(row.payload).toEqual({ callIds: [a.call.id], reason: "SECTOR_CRISIS", motivation });
    expect(row.decisionDueOn?.toISOString().slice(0, 10)).toBe("2026-09-04");
    expect(row.events.map((e) => e.toStatus)).toEqual(["SUBMITTED"]);
    expect(row.documents).toEqual([
      expect.objectContaining({ kind: "EVIDENCE", affiliateId: a.affiliate.id, mimeType: "application/pdf", sizeBytes: PDF.byteLength, fileName: "bilan 2026.pdf" }),
    ]);
    expect(new Uint8Array(row.documents[0].content!)).toEqual(PDF);
    const detail = await getMyRequest(a.viewer, r.reference);
    expect(detail.evidence).toEqual([{ id: row.documents[0].id, fileName: "bilan 2026.pdf", mimeType: "application/pdf", sizeBytes: PDF.byteLength }]);
    // the same call cannot be asked twice while the first request is open
    expect(await refusalOf(requestMyExemption(a.viewer, TODAY, { callIds: [a.call.id], reason: "OTHER", motivation }, []))).toEqual({
      kind: "invalid",
      code: "validation",
      fieldErrors: { callIds: ["callIneligible"] },
      refusals: [],
      callRefusals: { [a.call.id]: ["already-requested"] },
    });
  });

  it("a text file named .pdf is refused by its content, naming it, and nothing is written", async () => {
    const a = await withAdvisor();
    const before = await counts();
    const attempt = requestMyExemption(a.viewer, TODAY, { callIds: [a.call.id], reason: "LIVING_WAGE", motivation }, [
      { name: "preuve.pdf", bytes: PDF },
      { name: "jugement.pdf", bytes: enc("Ceci est un simple texte renommé en PDF.") },
    ]);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ kind: "invalid", fieldErrors: { evidence: ["evidenceType|jugement.pdf"] } });
    expect(await counts()).toEqual(before);
  });

  it("refuses another dossier's call, a call outside the 12-month window and a complementary occupation", async () => {
    const a = await withAdvisor();
    const b = await withAdvisor();
    expect(await refusalOf(requestMyExemption(a.viewer, TODAY, { callIds: [b.call.id], reason: "OTHER", motivation }, []))).toMatchObject({ callRefusals: { [b.call.id]: ["unknown"] } });
    expect(await refusalOf(requestMyExemption(a.viewer, "2027-04-01", { callIds: [a.call.id], reason: "OTHER", motivation }, []))).toMatchObject({ callRefusals: { [a.call.id]: ["window-expired"] } });
    await prisma.categoryPeriod.updateMany({ where: { affiliation: { affiliateId: a.affiliate.id } }, data: { category: "COMPLEMENTARY" } });
    expect((await getMyExemptionOptions(a.viewer, TODAY)).refusals).toEqual(["category-excluded"]);
    expect(await refusalOf(requestMyExemption(a.viewer, TODAY, { callIds: [a.call.id], reason: "OTHER", motivation }, []))).toMatchObject({ kind: "refused", code: "exemption-category-excluded", refusals: ["category-excluded"] });
    expect(await prisma.request.count()).toBe(0);
  });
});

describe("surcharge waiver", () => {
  it("only once the principal of the quarter is paid; payload exactly { callIds, ground, motivation }", async () => {
    const a = await withAdvisor();
    await prisma.ledgerEntry.create({
      data: { affiliateId: a.affiliate.id, kind: "SURCHARGE", amountCents: 2_700, bookedOn: dbDate("2026-03-31"), callId: a.call.id, reasonCode: "surcharge.quarterly" },
    });
    const [opt] = (await getMyWaiverOptions(a.viewer)).calls;
    expect(opt).toMatchObject({ id: a.call.id, surchargeCents: 2_700, check: { eligible: false, refusals: ["principal-unpaid"] } });
    expect(await refusalOf(requestMySurchargeWaiver(a.viewer, TODAY, { callIds: [a.call.id], ground: "DESERVING", motivation }, []))).toMatchObject({ callRefusals: { [a.call.id]: ["principal-unpaid"] } });
    await pay(a.affiliate.id, a.call.id, a.contribution.totalCents, "2026-04-20"); // principal and fee, not the surcharge
    expect((await getMyWaiverOptions(a.viewer)).calls[0]).toMatchObject({ principalOutstandingCents: 0, surchargeOutstandingCents: 2_700, check: { eligible: true } });
    const r = await requestMySurchargeWaiver(a.viewer, TODAY, { callIds: [a.call.id], ground: "DESERVING", motivation }, [{ name: "certificat.pdf", bytes: PDF }]);
    const row = await prisma.request.findUniqueOrThrow({ where: { reference: r.reference }, include: { documents: true } });
    expect(row).toMatchObject({ type: "SURCHARGE_WAIVER", status: "SUBMITTED", assigneeId: a.advisor.user.id });
    expect(row.payload).toEqual({ callIds: [a.call.id], ground: "DESERVING", motivation });
    expect(row.documents).toHaveLength(1);
  });
});

describe("surcharge waiver once granted", () => {
  it("a call whose surcharges INASTI already waived cannot be asked for again", async () => {
    const a = await withAdvisor();
    await prisma.ledgerEntry.create({
      data: { affiliateId: a.affiliate.id, kind: "SURCHARGE", amountCents: 2_700, bookedOn: dbDate("2026-03-31"), callId: a.call.id, reasonCode: "surcharge.quarterly" },
    });
    await pay(a.affiliate.id, a.call.id, a.contribution.totalCents, "2026-04-20");
    const r = await requestMySurchargeWaiver(a.viewer, TODAY, { callIds: [a.call.id], ground: "DESERVING", motivation }, []);
    await prisma.request.update({ where: { reference: r.reference }, data: { status: "ACCEPTED" } });
    expect((await getMyWaiverOptions(a.viewer)).calls[0]).toMatchObject({ id: a.call.id, check: { eligible: false, refusals: ["already-requested"] } });
    expect(await refusalOf(requestMySurchargeWaiver(a.viewer, TODAY, { callIds: [a.call.id], ground: "DESERVING", motivation }, []))).toMatchObject({ callRefusals: { [a.call.id]: ["already-requested"] } });
    expect(await prisma.request.count()).toBe(1);
    // a refused waiver may be asked again (new facts)
    await prisma.request.update({ where: { reference: r.reference }, data: { status: "REFUSED" } });
    expect((await getMyWaiverOptions(a.viewer)).calls[0].check.eligible).toBe(true);
  });
});

describe("bridging right and caregiver allowance", () => {
  it("files Request + BenefitClaim (CLAIMED) + evidence in one transaction; the same claim twice is refused", async () => {
    const a = await withAdvisor();
    const input = { case: "BANKRUPTCY" as const, eventOn: "2026-04-15", familyCharge: true, motivation };
    expect(await refusalOf(requestMyBridgingRight(a.viewer, TODAY, { ...input, eventOn: "2026-06-01" }, [{ name: "j.pdf", bytes: PDF }]))).toEqual({ kind: "invalid", code: "validation", fieldErrors: { eventOn: ["eventInFuture"] } });
    const r = await requestMyBridgingRight(a.viewer, TODAY, input, [{ name: "jugement de faillite.pdf", bytes: PDF }]);
    const row = await prisma.request.findUniqueOrThrow({ where: { reference: r.reference }, include: { benefitClaim: true, documents: true } });
    expect(row).toMatchObject({ type: "BRIDGING_RIGHT", status: "SUBMITTED", assigneeId: a.advisor.user.id });
    expect(row.payload).toEqual({ case: "BANKRUPTCY", eventOn: "2026-04-15", familyCharge: true, motivation });
    expect(row.decisionDueOn?.toISOString().slice(0, 10)).toBe("2026-09-04");
    expect(row.benefitClaim).toMatchObject({ type: "BRIDGING_RIGHT", status: "CLAIMED", affiliateId: a.affiliate.id });
    expect(row.benefitClaim!.filedOn?.toISOString().slice(0, 10)).toBe(TODAY);
    expect(row.documents).toHaveLength(1);
    expect(await refusalOf(requestMyBridgingRight(a.viewer, TODAY, { ...input, familyCharge: false }, [{ name: "j.pdf", bytes: PDF }]))).toEqual({ kind: "refused", code: "alreadyPending" });
    expect(await prisma.benefitClaim.count()).toBe(1);
    // an open claim of another kind (here: an unrelated seeded-like request with an empty payload) does not block
    await prisma.request.updateMany({ where: { type: "BRIDGING_RIGHT" }, data: { payload: {} } });
    expect(await refusalOf(requestMyBridgingRight(a.viewer, TODAY, input, [{ name: "j.pdf", bytes: PDF }]))).toBeNull();
    expect(await prisma.benefitClaim.count({ where: { status: "CLAIMED" } })).toBe(2);
  });

  it("caregiver: months stored as a number, a late request still filed and flagged; a forged file writes nothing", async () => {
    const a = await withAdvisor();
    const input = { interruption: "FULL" as const, startOn: "2026-03-01", months: "3" as const, careFor: "PALLIATIVE" as const, motivation };
    const before = await counts();
    await expect(requestMyCaregiverAllowance(a.viewer, TODAY, input, [{ name: "certificat.pdf", bytes: enc("MZ fake executable") }])).rejects.toMatchObject({ fieldErrors: { evidence: ["evidenceType|certificat.pdf"] } });
    expect(await counts()).toEqual(before);
    const r = await requestMyCaregiverAllowance(a.viewer, TODAY, input, [{ name: "certificat.pdf", bytes: PDF }]);
    expect(r.late).toBe(true);
    const row = await prisma.request.findUniqueOrThrow({ where: { reference: r.reference }, include: { benefitClaim: true } });
    expect(row.payload).toEqual({ interruption: "FULL", startOn: "2026-03-01", months: 3, careFor: "PALLIATIVE", motivation });
    expect(row.benefitClaim).toMatchObject({ type: "CAREGIVER_ALLOWANCE", status: "CLAIMED" });
    const b = await withAdvisor();
    const onTime = await requestMyCaregiverAllowance(b.viewer, TODAY, { ...input, startOn: "2026-04-06" }, [{ name: "c.pdf", bytes: PDF }]);
    expect(onTime).toMatchObject({ late: false });
  });
});

describe("evidence on the existing forms", () => {
  it("a question keeps its attachment; a contribution change with a forged file writes nothing", async () => {
    const a = await withAdvisor();
    const q = await askMyAdvisor(a.viewer, TODAY, { kind: "QUESTION", subject: "Attestation", body: "Voici mon attestation de revenus." }, [{ name: "attestation.pdf", bytes: PDF }]);
    expect((await getMyRequest(a.viewer, q.reference)).evidence).toEqual([expect.objectContaining({ fileName: "attestation.pdf", mimeType: "application/pdf" })]);
    const before = await counts();
    await expect(
      requestMyContributionChange(a.viewer, TODAY, { estimatedIncomeCents: 1_500_000, justification: "Perte de mon principal client." }, [{ name: "avis.pdf", bytes: enc("plain text") }]),
    ).rejects.toMatchObject({ fieldErrors: { evidence: ["evidenceType|avis.pdf"] } });
    expect(await counts()).toEqual(before);
  });
});

describe("evidence download: owner or staff (logged), otherwise 404", () => {
  it("serves the owner and staff as an attachment with nosniff; another affiliate, anonymous, unknown id: 404", async () => {
    const a = await withAdvisor();
    const b = await withAdvisor();
    const r = await requestMyExemption(a.viewer, TODAY, { callIds: [a.call.id], reason: "DISASTER", motivation }, [{ name: "photo.pdf", bytes: PDF }]);
    const [doc] = await prisma.document.findMany({ where: { kind: "EVIDENCE" } });
    const get = (id: string) => evidenceRoute(new Request(`http://x/api/evidence/${id}`), { params: Promise.resolve({ id }) });

    sessionViewer = a.viewer;
    const own = await get(doc.id);
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toBe("application/pdf");
    expect(own.headers.get("content-disposition")).toBe('attachment; filename="photo.pdf"');
    expect(own.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await own.arrayBuffer())).toEqual(PDF);

    sessionViewer = b.viewer;
    expect((await get(doc.id)).status).toBe(404);
    await expect(getMyRequest(b.viewer, r.reference)).rejects.toBeInstanceOf(NotFoundError);
    sessionViewer = null;
    expect((await get(doc.id)).status).toBe(404);
    sessionViewer = a.viewer;
    expect((await get("no-such-document")).status).toBe(404);
    // a document of another kind is not served as evidence
    const other = await prisma.document.create({ data: { affiliateId: a.affiliate.id, kind: "DECISION", fileName: "d.pdf", mimeType: "application/pdf", sizeBytes: 3, content: Buffer.from("abc") } });
    expect((await get(other.id)).status).toBe(404);

    expect(await prisma.auditLog.count({ where: { action: "evidence.download" } })).toBe(0);
    sessionViewer = b.advisor.viewer; // any advisor may read any dossier: logged
    expect((await get(doc.id)).status).toBe(200);
    expect(await prisma.auditLog.findMany({ where: { action: "evidence.download" } })).toEqual([
      expect.objectContaining({ actorId: b.advisor.user.id, entity: "Document", entityId: doc.id, affiliateId: a.affiliate.id, reason: "request", details: { fileName: doc.fileName } }),
    ]);
  });

  it("staff and anonymous callers cannot use the affiliate filing functions", async () => {
    const a = await withAdvisor();
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR", "intruder");
    const { viewer: manager } = await staffUser(prisma, "MANAGER", "boss");
    for (const v of [advisor, manager, null]) {
      await expect(requestMyExemption(v, TODAY, { callIds: [a.call.id], reason: "OTHER", motivation }, [])).rejects.toBeInstanceOf(NotFoundError);
      await expect(requestMySurchargeWaiver(v, TODAY, { callIds: [a.call.id], ground: "DESERVING", motivation }, [])).rejects.toBeInstanceOf(NotFoundError);
      await expect(requestMyBridgingRight(v, TODAY, { case: "BANKRUPTCY", eventOn: "2026-04-01", familyCharge: false, motivation }, [{ name: "j.pdf", bytes: PDF }])).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        requestMyCaregiverAllowance(v, TODAY, { interruption: "HALF", startOn: "2026-05-01", months: "1", careFor: "PARTNER", motivation }, [{ name: "c.pdf", bytes: PDF }]),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(getMyExemptionOptions(v, TODAY)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getMyWaiverOptions(v)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await counts()).toEqual({ requests: 0, documents: 0, claims: 0 });
  });
});
