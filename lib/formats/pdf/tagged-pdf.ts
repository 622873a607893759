// The one PDF layout of the portal: a tagged (accessible) A4 document — H1 title, then headed paragraphs, and
// optional figures with alternative text. pdfkit writes the structure tree (PDF/UA-style tags, document language).
import PDFDocument from "pdfkit";
import { pdfText, wrapLines } from "./pdf-text";
import { localeTag } from "@/lib/i18n/config";

export type PdfBlock = { heading?: string; text: string };
export type PdfContent = { title: string; blocks: PdfBlock[] };
export type PdfFigure = { image: Buffer; alt: string; width: number };

export type PdfMeta = { locale: string; author: string; subject?: string };

export { pdfText } from "./pdf-text";

/** pdfkit is given this much more than the text width: the lines broken by wrapLines never need its own breaks. */
const SLACK = 24;

/** Renders title + blocks (+ figures after the text); empty blocks are skipped. */
export function renderTaggedPdf(content: PdfContent, meta: PdfMeta, figures: PdfFigure[] = []): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    tagged: true,
    pdfVersion: "1.7",
    lang: localeTag(meta.locale),
    displayTitle: true,
    info: { Title: content.title, Author: meta.author, ...(meta.subject ? { Subject: meta.subject } : {}) },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const root = doc.struct("Document");
  doc.addStructure(root);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  // the font is chosen before the text is measured and broken into lines
  const write = (font: string, size: number, text: string) => () => {
    doc.font(font).fontSize(size);
    doc.text(wrapLines(pdfText(text), (line) => doc.widthOfString(line) <= width).join("\n"), { width: width + SLACK });
  };
  root.add(doc.struct("H1", {}, write("Helvetica-Bold", 16, content.title)));
  doc.moveDown();
  for (const block of content.blocks) {
    if (!block.text) continue;
    if (block.heading) root.add(doc.struct("H2", {}, write("Helvetica-Bold", 12, block.heading)));
    root.add(doc.struct("P", {}, write("Helvetica", 11, block.text)));
    doc.moveDown();
  }
  for (const f of figures) root.add(doc.struct("Figure", { alt: pdfText(f.alt) }, () => doc.image(f.image, { width: f.width })));
  root.end();
  doc.end();
  return done;
}
