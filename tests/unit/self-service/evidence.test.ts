import { describe, expect, it } from "vitest";
import { PNG } from "pngjs";
import { checkEvidence, sanitiseFileName, sniffEvidenceType } from "@/lib/formats/evidence";
import { EVIDENCE_MAX_BYTES } from "@/lib/domain/evidence-limits";

const enc = (s: string) => new TextEncoder().encode(s);
const pdf = enc("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const png = new Uint8Array(PNG.sync.write(Object.assign(new PNG({ width: 2, height: 2 }), {})));
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);
// a Windows executable: "MZ" header with a PE signature
const exe = (() => {
  const b = new Uint8Array(256);
  b.set(enc("MZ"), 0);
  new DataView(b.buffer).setUint32(0x3c, 0x80, true);
  b.set(enc("PE\0\0"), 0x80);
  return b;
})();

describe("sniffEvidenceType (by content, never by name)", () => {
  it("recognises PDF, PNG and JPEG", async () => {
    expect(await sniffEvidenceType(pdf)).toBe("application/pdf");
    expect(await sniffEvidenceType(png)).toBe("image/png");
    expect(await sniffEvidenceType(jpeg)).toBe("image/jpeg");
  });
  it("refuses plain text, an executable, a ZIP", async () => {
    expect(await sniffEvidenceType(enc("Ceci n'est pas un PDF, juste du texte.\n"))).toBeNull();
    expect(await sniffEvidenceType(exe)).toBeNull();
    expect(await sniffEvidenceType(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(60).fill(0)]))).toBeNull();
  });
});

describe("checkEvidence", () => {
  it("accepts up to three valid files, typed and named by their content", async () => {
    const r = await checkEvidence([
      { name: "jugement.pdf", bytes: pdf },
      { name: "C:\\Users\\julie\\photo dégâts.PDF", bytes: png },
      { name: "certificat.jpeg", bytes: jpeg },
    ]);
    expect(r).toEqual({
      ok: true,
      files: [
        { fileName: "jugement.pdf", mimeType: "application/pdf", sizeBytes: pdf.byteLength, content: pdf },
        { fileName: "photo degats.png", mimeType: "image/png", sizeBytes: png.byteLength, content: png },
        { fileName: "certificat.jpg", mimeType: "image/jpeg", sizeBytes: jpeg.byteLength, content: jpeg },
      ],
    });
  });
  it("a text file renamed .pdf is refused, naming the file", async () => {
    expect(await checkEvidence([{ name: "jugement.pdf", bytes: pdf }, { name: "faux.pdf", bytes: enc("hello world, not a pdf") }])).toEqual({
      ok: false,
      code: "evidenceType",
      fileName: "faux.pdf",
    });
  });
  it("an executable renamed .pdf is refused", async () => {
    expect(await checkEvidence([{ name: "setup.pdf", bytes: exe }])).toEqual({ ok: false, code: "evidenceType", fileName: "setup.pdf" });
  });
  it("refuses an empty file, a file over 5 MB and a fourth file", async () => {
    expect(await checkEvidence([{ name: "vide.pdf", bytes: new Uint8Array(0) }])).toEqual({ ok: false, code: "evidenceEmpty", fileName: "vide.pdf" });
    const big = new Uint8Array(EVIDENCE_MAX_BYTES + 1);
    big.set(pdf);
    expect(await checkEvidence([{ name: "gros.pdf", bytes: big }])).toEqual({ ok: false, code: "evidenceTooLarge", fileName: "gros.pdf" });
    const exact = new Uint8Array(EVIDENCE_MAX_BYTES);
    exact.set(pdf);
    expect((await checkEvidence([{ name: "juste.pdf", bytes: exact }])).ok).toBe(true);
    const four = Array.from({ length: 4 }, (_, i) => ({ name: `p${i}.pdf`, bytes: pdf }));
    expect(await checkEvidence(four)).toEqual({ ok: false, code: "evidenceTooMany", fileName: null });
  });
});

describe("sanitiseFileName", () => {
  it("drops folders, odd characters and leading dots; the extension follows the sniffed type", () => {
    expect(sanitiseFileName("../../etc/passwd", "application/pdf")).toBe("passwd.pdf");
    expect(sanitiseFileName('a"b<c>;rm -rf.exe', "image/png")).toBe("a_b_c_rm -rf.png");
    expect(sanitiseFileName(".pdf", "application/pdf")).toBe("document.pdf");
    expect(sanitiseFileName("x".repeat(300) + ".pdf", "application/pdf")).toHaveLength(104);
  });
});
