// Limits of the evidence upload, shared by the browser-side schema and the server-side check (no Node imports here).
export const EVIDENCE_MAX_FILES = 3;

export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

export const EVIDENCE_MIME_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;

export type EvidenceMimeType = (typeof EVIDENCE_MIME_TYPES)[number];

/** The file input's accept attribute (a hint for the picker only: the server checks the content). */
export const EVIDENCE_ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";
