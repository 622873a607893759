// The text the PDFs print: characters the embedded font has, and lines broken at ordinary spaces only.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pdfText, wrapLines } from "@/lib/formats/pdf/pdf-text";
import { formatIban, formatMoney, formatStructuredCommunication } from "@/lib/format";

/** A monospaced measure: a line fits when it has at most `n` characters. */
const atMost = (n: number) => (line: string) => line.length <= n;

describe("pdfText", () => {
  it("turns the spaces the font lacks into the no-break space it has", () => {
    expect(pdfText(formatMoney("fr", 260_600))).toBe("2\u00a0606,00\u00a0€");
    expect(pdfText("1\u20092\u20073")).toBe("1\u00a02\u00a03");
    expect(pdfText(formatMoney("nl", 260_600))).toBe("€\u00a02.606,00");
  });

  it("glues a date in words, in French and in Dutch", () => {
    expect(pdfText("introduite le 1er octobre 2026.")).toBe("introduite le 1er\u00a0octobre\u00a02026.");
    expect(pdfText("op 31 maart 2027 betalen")).toBe("op 31\u00a0maart\u00a02027 betalen");
    expect(pdfText("2 606 mars 20260 et 12 mai")).toBe("2 606 mars 20260 et 12 mai");
  });

  it("glues an IBAN's groups, and nothing else", () => {
    expect(pdfText(`compte ${formatIban("BE62510007547061")} (BIC GKCCBEBB)`)).toBe("compte BE62\u00a05100\u00a00754\u00a07061 (BIC GKCCBEBB)");
    expect(pdfText("Rue de la Loi 16, 1000 Bruxelles")).toBe("Rue de la Loi 16, 1000 Bruxelles");
  });
});

describe("wrapLines", () => {
  it("breaks after ordinary spaces, keeps given line ends and drops the spaces at a break", () => {
    expect(wrapLines("un deux trois quatre", atMost(9))).toEqual(["un deux", "trois", "quatre"]);
    expect(wrapLines("un\ndeux trois", atMost(20))).toEqual(["un", "deux trois"]);
    expect(wrapLines("", atMost(5))).toEqual([""]);
  });

  it("never splits an amount or a structured communication, even on a line too narrow for them", () => {
    const text = pdfText(`payez ${formatMoney("fr", 260_600)} avec ${formatStructuredCommunication("261130000155")}.`);
    expect(wrapLines(text, atMost(8))).toEqual(["payez", "2\u00a0606,00\u00a0€", "avec", "+++261/1300/00155+++."]);
  });

  it("gives lines that fit (or one word alone) and that join back into the text", () => {
    const word = fc.stringMatching(/^[a-z+/0-9\u00a0]{1,14}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 40 }), (words, width) => {
        const text = words.join(" ");
        const lines = wrapLines(text, atMost(width));
        expect(lines.join(" ")).toBe(text);
        for (const line of lines) expect(line.length <= width || !line.includes(" ")).toBe(true);
        // greedy: the next line's first word would not have fitted on the line before
        for (let i = 1; i < lines.length; i++) expect(`${lines[i - 1]} ${lines[i].split(" ")[0]}`.length).toBeGreaterThan(width);
      }),
    );
  });
});
