// The bytes of a CODA file to its records: the encoding (UTF-8 or Latin-1 — records are 128 characters, not bytes)
// and the line ends (CRLF, LF, or none). Part of the reader in parser.ts.

/** The encoding of a CODA file: UTF-8 when the bytes are valid UTF-8 with at least one multi-byte sequence (or a
 *  byte-order mark), else Latin-1/windows-1252, what Belgian banks deliver. */
export function codaEncoding(bytes: Uint8Array): "utf-8" | "latin1" {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (!bytes.some((b) => b >= 0x80)) return "latin1"; // plain ASCII: both read it alike
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return "utf-8";
  } catch {
    return "latin1";
  }
}

/** The text of a CODA file, decoded as UTF-8 or Latin-1 (codaEncoding): records are 128 characters, not bytes. */
export function decodeCoda(bytes: Uint8Array): string {
  return codaEncoding(bytes) === "utf-8" ? new TextDecoder("utf-8").decode(bytes) : new TextDecoder("latin1").decode(bytes);
}

/** Splits the file into records: CRLF or LF line ends, or none at all (then every 128 characters). */
export function splitRecords(text: string): string[] {
  if (!/[\r\n]/.test(text)) {
    if (text.length === 0) return [];
    const out: string[] = [];
    for (let i = 0; i < text.length; i += 128) out.push(text.slice(i, i + 128));
    return out;
  }
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}
