import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { pdfText, renderTaggedPdf } from "@/lib/formats/pdf/tagged-pdf";
import { formatMoney } from "@/lib/format";

/** The text-showing operators of a pdfkit PDF, its streams inflated (WinAnsi bytes as pdfkit writes them, hex). */
function shownHex(pdf: Buffer): string {
  const s = pdf.toString("latin1");
  let out = "";
  for (const m of s.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    try {
      out += inflateSync(Buffer.from(m[1], "latin1")).toString("latin1");
    } catch {
      /* not a deflated stream (an image): skipped */
    }
  }
  return out;
}

describe("amounts in the PDFs", () => {
  it("print the thousands separator the embedded font has, never a '/' in its place", async () => {
    const amount = formatMoney("fr", 260_600);
    expect(amount).toMatch(/^2\u202f606,00\u00a0€$/); // what fr-BE formatting gives the letters
    expect(pdfText(amount)).toBe("2\u00a0606,00\u00a0€");
    const pdf = await renderTaggedPdf({ title: "Avis", blocks: [{ text: `Montant : ${amount}` }] }, { locale: "fr", author: "Caisse" });
    const hex = shownHex(pdf).toLowerCase();
    // "2", no-break space (a0 in WinAnsi), "606" — in pdfkit's hex strings, possibly split by kerning
    expect(hex.replace(/[^0-9a-f<>]/g, "")).toMatch(/32a0363036/);
    expect(hex).not.toMatch(/32(2f|20)363036/);
  });
});
