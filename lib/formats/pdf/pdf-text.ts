// Text as the PDFs print it. The embedded Helvetica is encoded in WinAnsi: a character outside it comes out as
// another glyph (pdfkit keeps the low byte: the narrow no-break space U+202F that fr-BE puts between thousands
// printed '2 /606,00 €'). And pdfkit's line breaking (Unicode UAX 14) may break after a '+': the structured
// communication '+++261/1300/00155+++' came out over two lines. So the paragraphs are broken here, at ordinary
// spaces only, before pdfkit sees them.

const MONTHS = [
  "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
  "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december",
];
const LONG_DATE = new RegExp(`(?<![\\p{L}\\d])(\\d{1,2}(?:er)?) (${MONTHS.join("|")}) (\\d{4})(?!\\d)`, "gu");

/** Spaces the font lacks become the no-break space it has; an IBAN's groups and a date in words are glued by it too. */
export function pdfText(text: string): string {
  return text
    .replace(/[\u202f\u2009\u2007]/g, "\u00a0")
    .replace(/\b[A-Z]{2}\d{2}(?: [A-Z0-9]{4}){2,}(?: [A-Z0-9]{1,3})?\b/g, (iban) => iban.replace(/ /g, "\u00a0"))
    .replace(LONG_DATE, "$1\u00a0$2\u00a0$3");
}

/**
 * Breaks a paragraph into lines that `fits` accepts, only after ordinary spaces (U+0020): an amount glued by
 * no-break spaces, a structured communication, an IBAN or an address are never split. Existing line ends are
 * kept. A single word wider than the line stays alone on its line.
 */
export function wrapLines(text: string, fits: (line: string) => boolean): string[] {
  return text.split("\n").flatMap((paragraph) => wrapParagraph(paragraph, fits));
}

function wrapParagraph(paragraph: string, fits: (line: string) => boolean): string[] {
  const ends = [...paragraph.matchAll(/ +/g)].map((m) => m.index + m[0].length);
  ends.push(paragraph.length);
  const lines: string[] = [];
  let start = 0;
  let end = 0;
  for (const next of ends) {
    if (end > start && !fits(paragraph.slice(start, next).replace(/ +$/, ""))) {
      lines.push(paragraph.slice(start, end).replace(/ +$/, ""));
      start = end;
    }
    end = next;
  }
  lines.push(paragraph.slice(start).replace(/ +$/, ""));
  return lines;
}
