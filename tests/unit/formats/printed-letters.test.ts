// Issue #13 part 8, "documents that print right": every PDF read back as a viewer shows it (PDF.js). Amounts
// print their thousands separator as a space ('2 606,00 €', never '2 /606,00 €'), the structured
// communication stays on one line wherever the text around it falls, dates are in words in letters (no ISO date
// anywhere) and quarters are ordinals ('1er trimestre', '1e kwartaal').
import { describe, expect, it } from "vitest";
import { pdfLines } from "../../support/pdf-lines";
import { renderCallNotice, type CallNoticeInput } from "@/lib/letters/call-notice";
import { renderRecoveryLetter, type RecoveryLetterInput } from "@/lib/letters/recovery-letter";
import { renderDecisionLetter } from "@/lib/letters/decision-letter";
import { affiliationCertificateText, renderPdf, taxCertificateText } from "@/lib/letters/certificates";
import { renderWelcomePack } from "@/lib/letters/welcome-pack";

const FUND = { name: "Caisse test", iban: "BE62510007547061", bic: "GKCCBEBB", address: "Rue de la Loi 16, 1000 Bruxelles", phone: "02 000 00 00", email: "info@caisse.test" };
const NOTICE: Omit<CallNoticeInput, "locale"> = {
  memberNumber: "500001",
  addressee: "Julie Dubois",
  address: ["Rue Haute 5", "1000 Bruxelles"],
  call: { kind: "PROVISIONAL", year: 2027, quarter: 1, totalCents: 260_600, contributionCents: 252_891, managementFeeCents: 7_709, dueOn: "2027-03-31", structuredCommunication: "261130000155" },
  fund: FUND,
};
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
/** The viewer's no-break spaces read as the spaces they are. */
const plain = (lines: string[]) => lines.map((l) => l.replace(/\u00a0/g, " "));
/** The running text, its lines joined back (a date or a sentence may be broken between two words). */
const flat = (lines: string[]) => plain(lines).join(" ");

describe("the call notice as printed", () => {
  it("prints '2 606,00 €' and the communication on one line, the quarter as an ordinal and the due date in words (fr)", async () => {
    const lines = plain(await pdfLines(await renderCallNotice({ ...NOTICE, locale: "fr" })));
    expect(lines[0]).toBe("Avis d'échéance — cotisation provisoire du 1er trimestre 2027");
    expect(lines).toContain("2 606,00 €, dont 2 528,91 € de cotisation et 77,09 € de frais de gestion.");
    expect(lines.join("\n")).not.toMatch(/\d\s?\/\s?\d{3},\d{2}/);
    expect(lines.filter((l) => l.includes("+"))).toEqual([expect.stringContaining("+++261/1300/00155+++")]);
    expect(lines.join(" ")).toContain("BE62 5100 0754 7061");
    expect(lines.join(" ")).toContain("31 mars 2027");
    expect(lines.join("\n")).not.toMatch(ISO_DATE);
  });

  it("prints '€ 2.606,00' and '1e kwartaal' in Dutch", async () => {
    const lines = plain(await pdfLines(await renderCallNotice({ ...NOTICE, locale: "nl" })));
    expect(lines[0]).toBe("Vervaldagbericht — voorlopige bijdrage 1e kwartaal 2027");
    expect(lines).toContain("€ 2.606,00, waarvan € 2.528,91 bijdrage en € 77,09 beheerskosten.");
    expect(lines.join(" ")).toContain("31 maart 2027");
  });

  it("never breaks the communication, whatever the length of the words before it", async () => {
    // the fund's name moves the communication along the line: with pdfkit's own line breaking, some of these
    // lengths put a break inside '+++…+++'
    for (let n = 0; n < 48; n += 1) {
      const name = `Caisse ${"x".repeat(n)}`;
      const lines = plain(await pdfLines(await renderCallNotice({ ...NOTICE, locale: "fr", fund: { ...FUND, name } })));
      const communication = lines.filter((l) => l.includes("+++") || /\d{3}\/\d{4}\/\d{5}/.test(l) || /^\++/.test(l));
      expect(communication, name).toEqual([expect.stringContaining("+++261/1300/00155+++")]);
    }
  }, 60_000); // 48 PDFs rendered and read back: seconds on a loaded 2-core machine
});

describe("the letters as printed", () => {
  it("recovery letter: amounts with their separator, periods in words, dates in words, the IBAN in groups", async () => {
    const input: RecoveryLetterInput = {
      locale: "fr", step: "FORMAL_NOTICE", on: "2026-12-02", addressee: "Julie Dubois", address: ["Rue Haute 5", "1000 Bruxelles"], memberNumber: "500001",
      debtCents: 1_234_567, oldestDueOn: "2027-01-01", contactName: "Sophie Lambert", fund: FUND,
      lines: [{ kind: "PROVISIONAL", year: 2026, quarter: 1, amountCents: 260_600 }, { kind: "REGULARISATION", year: 2024, quarter: 0, amountCents: 973_967 }],
    };
    const lines = await pdfLines(await renderRecoveryLetter(input));
    const text = flat(lines);
    expect(text).toContain("Date : 2 décembre 2026");
    expect(text).toContain("la somme de 12 345,67 € reste impayée (échéance la plus ancienne : 1er janvier 2027)");
    expect(plain(lines).join("\n")).toContain("Cotisation provisoire du 1er trimestre 2026 : 2 606,00 €\nRégularisation 2024 : 9 739,67 €");
    expect(text).toContain("BE62 5100 0754 7061");
    expect(text).not.toMatch(ISO_DATE);
    const nl = flat(await pdfLines(await renderRecoveryLetter({ ...input, locale: "nl" })));
    expect(nl).toContain("Voorlopige bijdrage voor het 1e kwartaal 2026: € 2.606,00");
    expect(nl).toContain("1 januari 2027");
  });

  it("decision letter: the dates in words", async () => {
    const pdf = await renderDecisionLetter({
      locale: "fr", reference: "DEM-2026-0001", type: "REDUCTION", filedOn: "2026-10-01", decidedOn: "2026-12-02", addressee: "Julie Dubois", address: ["Rue Haute 5"],
      memberNumber: "500001", reasonCode: "conditionsNotMet", reasonText: "", contactName: "Sophie Lambert", fund: FUND,
    });
    const text = flat(await pdfLines(pdf));
    expect(text).toContain("Date : 2 décembre 2026");
    expect(text).toContain("introduite le 1er octobre 2026");
    expect(text).not.toMatch(ISO_DATE);
  });

  it("certificates: totals with their separator, value dates as in a table, the rest in words", async () => {
    const holder = { name: "Julie Dubois", identifier: "85073003427", identifierKind: "niss" as const, memberNumber: "500001", address: ["Rue Haute 5", "1000 Bruxelles"] };
    const tax = taxCertificateText("fr", {
      year: 2026, issuedOn: "2027-01-01", holder, fund: FUND,
      payments: [{ valueOn: "2026-12-02", contributionCents: 252_891, feeCents: 7_709, surchargeCents: 0 }],
      totals: { contributionCents: 1_011_564, feeCents: 30_836, surchargeCents: 0, deductibleCents: 1_042_400 },
    });
    const text = flat(await pdfLines(await renderPdf("fr", tax, FUND.name)));
    expect(text).toContain("02/12/2026 : cotisations 2 528,91 €");
    expect(text).toContain("10 424,00 €");
    expect(text).toContain("Établi le 1er janvier 2027");
    const affiliation = affiliationCertificateText("nl", {
      issuedOn: "2026-12-02", holder, fund: FUND,
      affiliations: [{ startOn: "2015-01-01", endOn: null, status: "ACTIVE", periods: [{ category: "MAIN", fromOn: "2015-01-01", toOn: null }] }],
    });
    const nl = flat(await pdfLines(await renderPdf("nl", affiliation, FUND.name)));
    expect(nl).toContain("1 januari 2015");
    expect(nl).not.toMatch(ISO_DATE);
  });

  it("welcome pack: dates in words, the IBAN in groups", async () => {
    const pdf = await renderWelcomePack({
      locale: "fr", date: "2026-12-02", addressee: "Julie Dubois", address: ["Rue Haute 5"], memberNumber: "500001", category: "MAIN", startOn: "2027-01-01",
      advisorName: "Sophie Lambert", fund: FUND, baseUrl: "https://portail.caisse.test",
    });
    const text = flat(await pdfLines(pdf));
    expect(text).toContain("1er janvier 2027");
    expect(text).toContain("BE62 5100 0754 7061");
    expect(text).not.toMatch(ISO_DATE);
  });
});
