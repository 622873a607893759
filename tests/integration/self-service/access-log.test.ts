// The affiliate sees who at the fund opened their dossier and why — and nobody else's log.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { getDossier } from "@/lib/dal/dossiers/get-dossier";
import { listMyDossierConsultations } from "@/lib/dal/profile/list-my-dossier-consultations";
import { myDecisionLetterRequestId } from "@/lib/dal/documents/get-my-decision-letter-request-id";
import { NotFoundError } from "@/lib/errors";
import { prisma as appPrisma } from "@/lib/db/client";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));

describe("who consulted my dossier", () => {
  it("lists each staff opening of my dossier with the staff member and the reason, and only mine", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const b = await affiliateWithCall(prisma, "Bravo");
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR", "Sophie Lambert");
    await getDossier(advisor, a.affiliate.id, "2026-02-01", "phone");
    await getDossier(advisor, b.affiliate.id, "2026-02-01", "request");
    expect(await listMyDossierConsultations(a.viewer)).toMatchObject([{ staffName: "Sophie Lambert", reason: "phone" }]);
    expect(await listMyDossierConsultations(b.viewer)).toMatchObject([{ staffName: "Sophie Lambert", reason: "request" }]);
    await expect(listMyDossierConsultations(advisor)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listMyDossierConsultations(null)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("finds the decision letter of my own request only", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const b = await affiliateWithCall(prisma, "Bravo");
    const req = await prisma.request.create({ data: { reference: "D-2026-000900", type: "REDUCTION", status: "REFUSED", affiliateId: a.affiliate.id, filedOn: new Date("2026-01-10") } });
    await prisma.document.create({ data: { affiliateId: a.affiliate.id, requestId: req.id, kind: "DECISION", fileName: "d.pdf", mimeType: "application/pdf", sizeBytes: 3, content: Buffer.from("pdf") } });
    expect(await myDecisionLetterRequestId(a.viewer, "D-2026-000900")).toBe(req.id);
    expect(await myDecisionLetterRequestId(b.viewer, "D-2026-000900")).toBeNull();
  });
});
