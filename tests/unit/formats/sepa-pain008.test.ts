// pain.008 writer: amounts in cents printed without floating point, SEPA character set, one PmtInf per sequence type.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildPain008, centsToDecimal, sepaText } from "@/lib/formats/sepa/pain008";

describe("pain.008 writer", () => {
  it("prints cents with two decimals, exactly", () => {
    expect(centsToDecimal(0)).toBe("0.00");
    expect(centsToDecimal(5)).toBe("0.05");
    expect(centsToDecimal(81234)).toBe("812.34");
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (c) => Math.round(Number(centsToDecimal(c)) * 100) === c));
    expect(() => centsToDecimal(-1)).toThrow();
    expect(() => centsToDecimal(1.5)).toThrow();
  });

  it("keeps texts in the SEPA character set", () => {
    expect(sepaText("Élodie Müller & Fils <SRL>")).toBe("Elodie Muller Fils SRL");
    expect(sepaText("€€€")).toBe("NOTPROVIDED");
    expect(sepaText("x".repeat(100))).toHaveLength(70);
  });

  it("groups transactions by sequence type with matching counts and sums", () => {
    const tx = (id: string, amountCents: number, sequenceType: "FRST" | "RCUR") => ({
      endToEndId: id, amountCents, mandateId: `M-${id}`, mandateSignedOn: "2025-01-01", sequenceType, debtorName: "A", debtorIban: "BE80001000000177", structuredCommunication: "261130000155",
    });
    const xml = buildPain008({
      messageId: "M1", createdAt: "2026-11-28T10:00:00", collectOn: "2026-12-05",
      creditor: { name: "Caisse", iban: "BE68539007547034", bic: "GKCCBEBB", creditorId: "BE12ZZZ0456810810" },
      transactions: [tx("a", 100, "FRST"), tx("b", 250, "RCUR"), tx("c", 1, "RCUR")],
    });
    expect(xml.match(/<PmtInf>/g)).toHaveLength(2);
    expect(xml).toMatch(/<GrpHdr>[\s\S]*<NbOfTxs>3<\/NbOfTxs>[\s\S]*<CtrlSum>3.51<\/CtrlSum>/);
    expect(xml).toMatch(/<PmtInfId>M1-RCUR<\/PmtInfId>[\s\S]*?<NbOfTxs>2<\/NbOfTxs>\s*<CtrlSum>2.51<\/CtrlSum>/);
    expect(xml).toContain('xmlns="urn:iso:std:iso:20022:tech:xsd:pain.008.001.02"');
    expect(() => buildPain008({ messageId: "M", createdAt: "x", collectOn: "2026-12-05", creditor: { name: "C", iban: "", bic: "", creditorId: "" }, transactions: [] })).toThrow();
  });
});
