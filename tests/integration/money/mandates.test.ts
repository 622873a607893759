// Direct-debit mandates on a real PostgreSQL: an advisor confirms, or refuses with a reason, a mandate the affiliate
// requested — once, whatever two advisors do at once —, audited, told by e-mail in the affiliate's language and shown
// on their pay page; another affiliate, a manager or an admin gets "not found". The staff list of mandates waiting
// for confirmation logs each name it shows.
import { describe, expect, it } from "vitest";
import { testDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { makeIban } from "@/prisma/factories";
import { decideMandate } from "@/lib/dal/payments/decide-mandate";
import { getMyMandates } from "@/lib/dal/payments/get-my-mandates";
import { listDossierMandates } from "@/lib/dal/payments/list-dossier-mandates";
import { listPendingMandates } from "@/lib/dal/payments/list-pending-mandates";
import { requestDirectDebitMandate } from "@/lib/dal/payments/request-direct-debit-mandate";
import { NotFoundError } from "@/lib/errors";

const prisma = testDatabase();
const IBAN = makeIban("001", 1_234_567);

async function world() {
  const a = await affiliateWithCall(prisma, "Alpha");
  const b = await affiliateWithCall(prisma, "Bravo");
  await prisma.affiliate.update({ where: { id: b.affiliate.id }, data: { language: "nl" } });
  const advisor = await staffUser(prisma, "ADVISOR", "anna");
  const advisor2 = await staffUser(prisma, "ADVISOR", "bert");
  const manager = await staffUser(prisma, "MANAGER");
  const admin = await staffUser(prisma, "ADMIN");
  return { a, b, advisor, advisor2, manager, admin };
}

describe("an advisor decides on a requested mandate", () => {
  it("confirms it once: ACTIVE, audited, the affiliate sees it and is told by e-mail; nobody else may", async () => {
    const w = await world();
    const m = await requestDirectDebitMandate(w.a.viewer, "2026-03-20", { iban: IBAN });
    for (const v of [w.b.viewer, w.a.viewer, w.manager.viewer, w.admin.viewer, null])
      await expect(decideMandate(v, { mandateId: m.id, decision: "confirm" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(decideMandate(w.advisor.viewer, { mandateId: "no-such-mandate", decision: "confirm" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await prisma.directDebitMandate.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("PENDING");

    await expect(decideMandate(w.advisor.viewer, { mandateId: m.id, decision: "confirm" })).resolves.toEqual({ status: "ACTIVE" });
    const row = await prisma.directDebitMandate.findUniqueOrThrow({ where: { id: m.id } });
    expect(row).toMatchObject({ status: "ACTIVE", decidedById: w.advisor.user.id, refusalReason: null });
    await expect(decideMandate(w.advisor2.viewer, { mandateId: m.id, decision: "refuse", reason: "accountHolder" })).rejects.toMatchObject({ kind: "refused", code: "mandateAlreadyDecided" });
    expect(await prisma.auditLog.findMany({ where: { entityId: m.id, action: { startsWith: "mandate." } }, orderBy: { id: "asc" }, select: { action: true, actorId: true, affiliateId: true } })).toEqual([
      { action: "mandate.request", actorId: w.a.user.id, affiliateId: null },
      { action: "mandate.confirm", actorId: w.advisor.user.id, affiliateId: w.a.affiliate.id },
    ]);
    const mails = await prisma.outboundEmail.findMany({ where: { affiliateId: w.a.affiliate.id } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: "alpha@test.caisse.be", template: "mandate.confirmed", subject: "Votre domiciliation est confirmée" });
    expect(mails[0].text).toContain(`mandat de domiciliation ${m.reference} sur le compte se terminant par ${IBAN.slice(-4)}`);
    expect(mails[0].text).not.toContain(IBAN);

    const mine = await getMyMandates(w.a.viewer);
    expect(mine).toEqual([expect.objectContaining({ id: m.id, status: "ACTIVE", refusalReason: null, returns: [] })]);
    expect(mine[0].decidedAt).not.toBeNull();
    expect(await getMyMandates(w.b.viewer)).toEqual([]);
    await expect(getMyMandates(w.advisor.viewer)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listDossierMandates(w.advisor.viewer, w.a.affiliate.id)).toEqual([expect.objectContaining({ id: m.id, status: "ACTIVE", decidedBy: "anna", collections: [] })]);
    for (const v of [w.a.viewer, w.manager.viewer, w.admin.viewer]) await expect(listDossierMandates(v, w.a.affiliate.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listDossierMandates(w.advisor.viewer, "no-such-dossier")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("two advisors at once: one decision, one audit row, one e-mail", async () => {
    const w = await world();
    const m = await requestDirectDebitMandate(w.a.viewer, "2026-03-20", { iban: IBAN });
    const outcomes = await Promise.allSettled([
      decideMandate(w.advisor.viewer, { mandateId: m.id, decision: "confirm" }),
      decideMandate(w.advisor2.viewer, { mandateId: m.id, decision: "refuse", reason: "accountHolder" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "rejected").map((o) => (o as PromiseRejectedResult).reason)).toEqual([expect.objectContaining({ code: "mandateAlreadyDecided" })]);
    expect(await prisma.auditLog.count({ where: { entityId: m.id, action: { in: ["mandate.confirm", "mandate.refuse"] } } })).toBe(1);
    expect(await prisma.outboundEmail.count({ where: { affiliateId: w.a.affiliate.id } })).toBe(1);
  });

  it("refuses it only with a reason, which the affiliate reads in their language; they may then ask again", async () => {
    const w = await world();
    const m = await requestDirectDebitMandate(w.b.viewer, "2026-03-20", { iban: IBAN });
    await expect(decideMandate(w.advisor.viewer, { mandateId: m.id, decision: "refuse" })).rejects.toMatchObject({ kind: "invalid", fieldErrors: { reason: ["reasonRequired"] } });
    await expect(decideMandate(w.advisor.viewer, { mandateId: m.id, decision: "refuse", reason: "because" })).rejects.toMatchObject({ fieldErrors: { reason: ["reasonRequired"] } });
    await expect(decideMandate(w.advisor.viewer, { mandateId: m.id, decision: "refuse", reason: "other", note: " ok " })).rejects.toMatchObject({ fieldErrors: { note: ["noteRequired"] } });
    expect((await prisma.directDebitMandate.findUniqueOrThrow({ where: { id: m.id } })).status).toBe("PENDING");

    await expect(decideMandate(w.advisor.viewer, { mandateId: m.id, decision: "refuse", reason: "accountHolder", note: "Rekening van uw echtgenote." })).resolves.toEqual({ status: "REFUSED" });
    expect(await prisma.directDebitMandate.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ status: "REFUSED", refusalReason: "accountHolder", refusalNote: "Rekening van uw echtgenote." });
    expect(await prisma.auditLog.findFirstOrThrow({ where: { entityId: m.id, action: "mandate.refuse" } })).toMatchObject({ actorId: w.advisor.user.id, affiliateId: w.b.affiliate.id, reason: "accountHolder" });
    const [mail] = await prisma.outboundEmail.findMany({ where: { affiliateId: w.b.affiliate.id } });
    expect(mail).toMatchObject({ to: "bravo@test.caisse.be", template: "mandate.refused", subject: "Uw aanvraag tot domiciliëring is niet aanvaard" });
    expect(mail.text).toContain("de opgegeven rekening staat niet op uw naam");
    expect(mail.text).toContain("Bericht van uw contactpersoon: Rekening van uw echtgenote.");
    expect(await getMyMandates(w.b.viewer)).toEqual([expect.objectContaining({ status: "REFUSED", refusalReason: "accountHolder", refusalNote: "Rekening van uw echtgenote." })]);

    // a refused mandate is no longer open: a new request is recorded, with a new reference
    const again = await requestDirectDebitMandate(w.b.viewer, "2026-03-21", { iban: makeIban("001", 7_654_321) });
    expect(again.reference).not.toBe(m.reference);
    expect(again.status).toBe("PENDING");
  });

  it("the database itself keeps one open mandate per affiliate and a reason with every refusal", async () => {
    const w = await world();
    const m = await requestDirectDebitMandate(w.a.viewer, "2026-03-20", { iban: IBAN });
    await expect(prisma.directDebitMandate.create({ data: { affiliateId: w.a.affiliate.id, reference: "MDT-X-999", iban: IBAN, signedOn: new Date("2026-03-20"), status: "ACTIVE" } })).rejects.toThrow();
    await expect(prisma.directDebitMandate.update({ where: { id: m.id }, data: { status: "REFUSED" } })).rejects.toThrow();
    await expect(prisma.directDebitMandate.update({ where: { id: m.id }, data: { refusalReason: "accountHolder" } })).rejects.toThrow();
  });
});

describe("mandates waiting for confirmation", () => {
  it("lists them oldest first for advisors, each name shown being a logged read; 404 for anyone else", async () => {
    const w = await world();
    const mb = await requestDirectDebitMandate(w.b.viewer, "2026-03-19", { iban: IBAN });
    const ma = await requestDirectDebitMandate(w.a.viewer, "2026-03-20", { iban: IBAN });
    const list = await listPendingMandates(w.advisor.viewer);
    expect(list.map((m) => [m.id, m.name, m.affiliateId])).toEqual([[mb.id, "Test Bravo", w.b.affiliate.id], [ma.id, "Test Alpha", w.a.affiliate.id]]);
    const reads = await prisma.auditLog.findMany({ where: { action: "search.result" }, select: { affiliateId: true, reason: true, actorId: true } });
    expect(reads).toHaveLength(2);
    expect(reads.every((r) => r.reason === "mandate" && r.actorId === w.advisor.user.id)).toBe(true);
    await decideMandate(w.advisor.viewer, { mandateId: ma.id, decision: "confirm" });
    expect((await listPendingMandates(w.advisor.viewer)).map((m) => m.id)).toEqual([mb.id]);
    for (const v of [w.a.viewer, w.manager.viewer, w.admin.viewer, null]) await expect(listPendingMandates(v)).rejects.toBeInstanceOf(NotFoundError);
  });
});
