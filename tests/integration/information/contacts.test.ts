// Contacts outside the portal on a real PostgreSQL (issue #18 part 5): an advisor records a phone call, a letter with
// its scan, an office visit or an e-mail on a dossier; the dossier's timeline shows it with the portal's own events;
// the scan is checked like every evidence file; anyone but an advisor, or an unknown dossier, gets a 404.
import { describe, expect, it } from "vitest";
import { testDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { AppError } from "@/lib/errors";
import { recordDossierContact } from "@/lib/dal/dossiers/record-dossier-contact";
import { listDossierContacts } from "@/lib/dal/dossiers/list-dossier-contacts";
import { getDossierDetails } from "@/lib/dal/dossiers/get-dossier-details";
import { getEvidenceFile } from "@/lib/dal/documents/get-evidence-file";

const prisma = testDatabase();
const TODAY = "2026-11-28";
const enc = (s: string) => new TextEncoder().encode(s);
const PDF = enc("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof AppError ? { code: e.code, fields: e.fieldErrors } : Promise.reject(e)));
const CALL = { channel: "PHONE" as const, occurredOn: "2026-11-27", summary: "Question sur l'échéance du T4 : expliqué le délai de paiement." };

describe("contacts recorded on a dossier", () => {
  it("shows a phone call in the dossier's timeline with the portal's events", async () => {
    const a = await affiliateWithCall(prisma, "ContactPhone");
    const adv = await staffUser(prisma, "ADVISOR", "adv-c1");
    await recordDossierContact(adv.viewer, { affiliateId: a.affiliate.id, ...CALL }, [], TODAY);
    const details = await getDossierDetails(adv.viewer, a.affiliate.id);
    const kinds = details.timeline.map((e) => e.kind);
    expect(kinds).toContain("ledger");
    const contact = details.timeline.find((e) => e.kind === "contact")!;
    expect(contact).toMatchObject({ at: "2026-11-27", params: { channel: "PHONE", author: "adv-c1", summary: CALL.summary } });
    // newest first: the call of 27 November comes before the call booked on 1 January
    expect(kinds.indexOf("contact")).toBeLessThan(kinds.indexOf("ledger"));
    expect(await listDossierContacts(adv.viewer, a.affiliate.id)).toEqual([
      { id: expect.any(String), channel: "PHONE", occurredOn: "2026-11-27", summary: CALL.summary, authorName: "adv-c1", document: null },
    ]);
  });

  it("keeps a scanned letter as the dossier's evidence, checked by content", async () => {
    const a = await affiliateWithCall(prisma, "ContactLetter");
    const adv = await staffUser(prisma, "ADVISOR", "adv-c2");
    const letter = { affiliateId: a.affiliate.id, channel: "LETTER" as const, occurredOn: "2026-11-20", summary: "Courrier de contestation de la majoration." };
    expect(await errorOf(recordDossierContact(adv.viewer, letter, [{ name: "scan.pdf", bytes: enc("not a pdf at all") }], TODAY))).toEqual({ code: "validation", fields: { evidence: ["evidenceType|scan.pdf"] } });
    expect(await errorOf(recordDossierContact(adv.viewer, letter, [{ name: "a.pdf", bytes: PDF }, { name: "b.pdf", bytes: PDF }], TODAY))).toEqual({ code: "validation", fields: { evidence: ["letterOneFile"] } });
    expect(await prisma.dossierContact.count()).toBe(0);
    await recordDossierContact(adv.viewer, letter, [{ name: "../../scan lettre.pdf", bytes: PDF }], TODAY);
    const [entry] = await listDossierContacts(adv.viewer, a.affiliate.id);
    expect(entry.document?.fileName).toBe("scan lettre.pdf");
    const file = await getEvidenceFile(adv.viewer, entry.document!.id);
    expect(Buffer.from(file.content).subarray(0, 5).toString()).toBe("%PDF-");
    // the affiliate reads the letter they sent among their own documents; another affiliate cannot
    expect((await getEvidenceFile(a.viewer, entry.document!.id)).fileName).toBe("scan lettre.pdf");
    const other = await affiliateWithCall(prisma, "ContactOther");
    expect(await errorOf(getEvidenceFile(other.viewer, entry.document!.id))).toMatchObject({ code: "notFound" });
  });

  it("refuses a contact in the future, and anyone but an advisor or an unknown dossier with a 404", async () => {
    const a = await affiliateWithCall(prisma, "ContactRefused");
    const adv = await staffUser(prisma, "ADVISOR", "adv-c3");
    const mgr = await staffUser(prisma, "MANAGER", "mgr-c3");
    const input = { affiliateId: a.affiliate.id, ...CALL };
    expect(await errorOf(recordDossierContact(adv.viewer, { ...input, occurredOn: "2026-11-29" }, [], TODAY))).toEqual({ code: "validation", fields: { occurredOn: ["eventInFuture"] } });
    expect(await errorOf(recordDossierContact(mgr.viewer, input, [], TODAY))).toMatchObject({ code: "notFound" });
    expect(await errorOf(recordDossierContact(a.viewer, input, [], TODAY))).toMatchObject({ code: "notFound" });
    expect(await errorOf(recordDossierContact(null, input, [], TODAY))).toMatchObject({ code: "notFound" });
    expect(await errorOf(recordDossierContact(adv.viewer, { ...input, affiliateId: "no-such-dossier" }, [], TODAY))).toMatchObject({ code: "notFound" });
    expect(await errorOf(listDossierContacts(a.viewer, a.affiliate.id))).toMatchObject({ code: "notFound" });
    expect(await prisma.dossierContact.count()).toBe(0);
  });
});
