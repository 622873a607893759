// Reads a PDF back as a person sees it, with Mozilla's PDF.js (the reader inside Firefox): its text, line by line,
// top to bottom. The glyphs are decoded through the font's encoding, as a viewer does, so a character the font
// lacks shows here as the wrong character it prints.
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const standardFontDataUrl = `${path.resolve(import.meta.dirname, "../../node_modules/pdfjs-dist/standard_fonts")}/`;

/** Each page's lines (text items on the same baseline joined), pages one after another. */
export async function pdfLines(pdf: Buffer): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl, isEvalSupported: false, verbosity: 0 }).promise;
  const lines: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    const byBaseline = new Map<number, { x: number; str: string }[]>();
    for (const item of content.items) {
      if (!("str" in item) || item.str === "") continue;
      const y = Math.round(item.transform[5] * 10) / 10;
      byBaseline.set(y, [...(byBaseline.get(y) ?? []), { x: item.transform[4], str: item.str }]);
    }
    const ys = [...byBaseline.keys()].sort((a, b) => b - a);
    for (const y of ys) lines.push(byBaseline.get(y)!.sort((a, b) => a.x - b.x).map((i) => i.str).join(""));
  }
  await doc.destroy();
  return lines;
}
