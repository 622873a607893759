// The call notice PDF: served to the affiliate who owns the call and to staff, 404 for anyone else; a tagged PDF
// in the affiliate's language with the amount, due date, IBAN, structured communication and a scannable EPC QR.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { prisma as appPrisma } from "@/lib/db/client";
import { getCallNoticePdf } from "@/lib/dal/documents/get-call-notice-pdf";
import { callNoticeText } from "@/lib/letters/call-notice";
import { epcPayload } from "@/lib/formats/epc-qr";
import { pdfLines } from "../../support/pdf-lines";

const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/session", () => ({ currentViewer: async () => session.viewer }));
const { GET } = await import("@/app/api/documents/calls/[id]/route");

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));
const FUND = { name: "Caisse test", iban: "BE62510007547061", bic: "GKCCBEBB", creditorId: "BE12ZZZ0456810810", managementFeeBp: 305, address: "Rue 1, 1000 Bruxelles", phone: "02 000 00 00", email: "info@test.be" };
const get = (id: string) => GET(new Request(`http://x/api/documents/calls/${id}`), { params: Promise.resolve({ id }) });

describe("call notice PDF", () => {
  it("serves the owner and staff, 404 for another affiliate and anonymous", async () => {
    await prisma.fund.create({ data: FUND });
    const a = await affiliateWithCall(prisma, "Alpha");
    const b = await affiliateWithCall(prisma, "Bravo");
    const advisor = await staffUser(prisma, "ADVISOR");
    const pdf = await getCallNoticePdf(a.viewer, a.call.id);
    const text = pdf.content.toString("latin1");
    expect(text.startsWith("%PDF-1.7")).toBe(true);
    expect(text).toContain("/StructTreeRoot");
    expect(text).toMatch(/\/Lang \(fr-BE\)/);
    expect(text).toContain("/Figure");
    await expect(getCallNoticePdf(advisor.viewer, a.call.id)).resolves.toMatchObject({ fileName: `avis-${a.call.structuredCommunication}.pdf` });
    await expect(getCallNoticePdf(b.viewer, a.call.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCallNoticePdf(null, a.call.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCallNoticePdf(a.viewer, "no-such-call")).rejects.toBeInstanceOf(NotFoundError);

    session.viewer = a.viewer;
    const own = await get(a.call.id);
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toBe("application/pdf");
    expect((await get(b.call.id)).status).toBe(404);
    session.viewer = null;
    expect((await get(a.call.id)).status).toBe(404);
    session.viewer = advisor.viewer;
    expect((await get(b.call.id)).status).toBe(200);
  });

  it("prints the served notice right: '2 606,00 €', the communication on one line, the quarter and the due date in words", async () => {
    await prisma.fund.create({ data: FUND });
    const a = await affiliateWithCall(prisma, "Alpha");
    await prisma.contributionCall.update({ where: { id: a.call.id }, data: { totalCents: 260_600, contributionCents: 252_891, managementFeeCents: 7_709 } });
    const lines = (await pdfLines((await getCallNoticePdf(a.viewer, a.call.id)).content)).map((l) => l.replace(/\u00a0/g, " "));
    expect(lines[0]).toBe("Avis d'échéance — cotisation provisoire du 1er trimestre 2026");
    expect(lines).toContain("2 606,00 €, dont 2 528,91 € de cotisation et 77,09 € de frais de gestion.");
    const communication = `+++${a.call.structuredCommunication.slice(0, 3)}/${a.call.structuredCommunication.slice(3, 7)}/${a.call.structuredCommunication.slice(7)}+++`;
    expect(lines.filter((l) => l.includes("+"))).toEqual([expect.stringContaining(communication)]);
    expect(lines.join(" ")).toContain("31 mars 2026");
    expect(lines.join(" ")).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("says amount, due date, IBAN and communication in the affiliate's language; the EPC payload carries that amount", () => {
    const input = {
      memberNumber: "500001", addressee: "Jan Peeters", address: ["Wetstraat 16", "1000 Brussel"],
      call: { kind: "PROVISIONAL", year: 2026, quarter: 4, totalCents: 81_234, contributionCents: 78_830, managementFeeCents: 2_404, dueOn: "2026-12-31", structuredCommunication: "261130000155" },
      fund: FUND,
    };
    const fr = callNoticeText({ ...input, locale: "fr" as const });
    const nl = callNoticeText({ ...input, locale: "nl" as const });
    const all = (x: typeof fr) => [x.title, ...x.blocks.map((b) => `${b.heading ?? ""} ${b.text}`)].join("\n").replace(/\u202f|\u00a0/g, " ");
    expect(all(fr)).toContain("812,34 €");
    expect(all(fr)).toContain("31 décembre 2026");
    expect(all(fr)).toContain("BE62 5100 0754 7061");
    expect(all(fr)).toContain("+++261/1300/00155+++");
    expect(fr.title).toContain("cotisation provisoire du 4e trimestre 2026");
    expect(nl.title).toContain("voorlopige bijdrage 4e kwartaal 2026");
    expect(all(nl)).toContain("31 december 2026");
    expect(nl.title).toContain("Vervaldagbericht");
    // German, an official language; English only as a courtesy copy that says which version is authentic
    const de = callNoticeText({ ...input, locale: "de" as const });
    expect(de.title).toContain("4. Quartal 2026");
    expect(all(de)).toContain("812,34 €");
    expect(all(de)).toContain("31. Dezember 2026");
    const en = callNoticeText({ ...input, locale: "en" as const, courtesyOf: "de" as const });
    expect(en.blocks[0].text).toBe("Courtesy translation. Only the version in German is authentic.");
    expect(all(en)).toContain("€812.34");
    expect(all(en)).toContain("31 December 2026");
    expect(epcPayload({ beneficiaryName: FUND.name, iban: FUND.iban, bic: FUND.bic, amountCents: 81_234, structuredCommunication: "261130000155" })).toContain("EUR812.34");
  });
});
