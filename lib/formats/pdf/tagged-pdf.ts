// The one PDF layout of the portal: a tagged (accessible) A4 document — H1 title, then headed paragraphs, and
// optional figures with alternative text. pdfkit writes the structure tree (PDF/UA-style tags, document language).
import PDFDocument from "pdfkit";

export type PdfBlock = { heading?: string; text: string };
export type PdfContent = { title: string; blocks: PdfBlock[] };
export type PdfFigure = { image: Buffer; alt: string; width: number };

export type PdfMeta = { locale: "fr" | "nl" | string; author: string; subject?: string };

/**
 * Text as the embedded Helvetica (WinAnsi) can print it: the narrow no-break space that fr-BE puts between
 * thousands ("2\u202f606,00 €") is not in that encoding and came out as "2 /606,00 €"; the ordinary no-break
 * space is, and it keeps an amount on one line as well.
 */
export function pdfText(text: string): string {
  return text.replace(/[\u202f\u2009\u2007]/g, "\u00a0");
}

/** Renders title + blocks (+ figures after the text); empty blocks are skipped. */
export function renderTaggedPdf(content: PdfContent, meta: PdfMeta, figures: PdfFigure[] = []): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    tagged: true,
    pdfVersion: "1.7",
    lang: meta.locale === "nl" ? "nl-BE" : "fr-BE",
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
  root.add(doc.struct("H1", {}, () => doc.font("Helvetica-Bold").fontSize(16).text(pdfText(content.title))));
  doc.moveDown();
  for (const block of content.blocks) {
    if (!block.text) continue;
    const heading = block.heading;
    if (heading) root.add(doc.struct("H2", {}, () => doc.font("Helvetica-Bold").fontSize(12).text(pdfText(heading))));
    root.add(doc.struct("P", {}, () => doc.font("Helvetica").fontSize(11).text(pdfText(block.text))));
    doc.moveDown();
  }
  for (const f of figures) root.add(doc.struct("Figure", { alt: pdfText(f.alt) }, () => doc.image(f.image, { width: f.width })));
  root.end();
  doc.end();
  return done;
}
