// Evidence attached to a request (judgment, medical certificate, proof of a disaster…): PDF, JPEG or PNG only,
// recognised by the file's CONTENT (magic bytes via file-type), never by its name or the browser's MIME type;
// at most EVIDENCE_MAX_FILES files of EVIDENCE_MAX_BYTES each. A refused file names itself in the error code.

import { fileTypeFromBuffer } from "file-type";
import { EVIDENCE_MAX_BYTES, EVIDENCE_MAX_FILES, EVIDENCE_MIME_TYPES, type EvidenceMimeType } from "@/lib/domain/evidence-limits";

const EXTENSION: Record<EvidenceMimeType, string> = { "application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png" };

export type EvidenceUpload = { name: string; bytes: Uint8Array };

export type CheckedEvidence = { fileName: string; mimeType: EvidenceMimeType; sizeBytes: number; content: Uint8Array };

export type EvidenceRefusal = "evidenceTooMany" | "evidenceEmpty" | "evidenceTooLarge" | "evidenceType";

export type EvidenceCheck = { ok: true; files: CheckedEvidence[] } | { ok: false; code: EvidenceRefusal; fileName: string | null };

/**
 * A safe file name: the base name only (no folders), letters/digits/.-_ and spaces kept (accents folded), at most
 * 100 characters, and the extension of the SNIFFED type (a "photo.pdf" that is a PNG becomes "photo.png").
 */
export function sanitiseFileName(name: string, mimeType: EvidenceMimeType): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const stem = base
    .replace(/\.[^.]*$/, "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\w .-]+/g, "_")
    .replace(/^[.\s_-]+/, "")
    .trim()
    .slice(0, 100);
  return `${stem || "document"}.${EXTENSION[mimeType]}`;
}

/** The sniffed type of the bytes if it is an accepted evidence type, else null. */
export async function sniffEvidenceType(bytes: Uint8Array): Promise<EvidenceMimeType | null> {
  const type = await fileTypeFromBuffer(bytes);
  return type && (EVIDENCE_MIME_TYPES as readonly string[]).includes(type.mime) ? (type.mime as EvidenceMimeType) : null;
}

/** Checks every file (count, size, content type); the first refusal wins and names its file. */
export async function checkEvidence(files: readonly EvidenceUpload[]): Promise<EvidenceCheck> {
  if (files.length > EVIDENCE_MAX_FILES) return { ok: false, code: "evidenceTooMany", fileName: null };
  const checked: CheckedEvidence[] = [];
  for (const f of files) {
    const display = f.name.split(/[\\/]/).pop() || "?";
    if (f.bytes.byteLength === 0) return { ok: false, code: "evidenceEmpty", fileName: display };
    if (f.bytes.byteLength > EVIDENCE_MAX_BYTES) return { ok: false, code: "evidenceTooLarge", fileName: display };
    const mimeType = await sniffEvidenceType(f.bytes);
    if (!mimeType) return { ok: false, code: "evidenceType", fileName: display };
    checked.push({ fileName: sanitiseFileName(f.name, mimeType), mimeType, sizeBytes: f.bytes.byteLength, content: f.bytes });
  }
  return { ok: true, files: checked };
}
