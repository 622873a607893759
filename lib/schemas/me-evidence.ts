import { z } from "zod";
import { EVIDENCE_MAX_BYTES, EVIDENCE_MAX_FILES } from "@/lib/domain/evidence-limits";

// The evidence field shared by every request form (client: a FileList from the file input; server: the File
// entries of the FormData). The browser checks count and size early; the server action repeats them and adds the
// only check that matters for safety, the content type (lib/self-service/evidence.ts). Codes carry the file name
// after a "|" so the message can name it.

// duck-typed: the server's FormData files may come from another realm's File class than the global one
const isFile = (v: unknown): v is File =>
  typeof v === "object" && v !== null && typeof (v as File).arrayBuffer === "function" && typeof (v as File).name === "string" && typeof (v as File).size === "number";

function toFiles(v: unknown): unknown[] {
  const list = typeof FileList !== "undefined" && v instanceof FileList ? Array.from(v) : Array.isArray(v) ? v : v == null || v === "" || v === false ? [] : [v];
  // an untouched file input posts one empty, nameless part
  return list.filter((f) => !(isFile(f) && f.size === 0 && f.name === ""));
}

const files = z.array(z.custom<File>(isFile, "evidenceInvalid")).superRefine((list, ctx) => {
  if (list.length > EVIDENCE_MAX_FILES) ctx.addIssue({ code: "custom", message: "evidenceTooMany" });
  for (const f of list) {
    if (f.size === 0) ctx.addIssue({ code: "custom", message: `evidenceEmpty|${f.name}` });
    else if (f.size > EVIDENCE_MAX_BYTES) ctx.addIssue({ code: "custom", message: `evidenceTooLarge|${f.name}` });
  }
});

export const optionalEvidenceSchema = z.preprocess(toFiles, files);
export const requiredEvidenceSchema = z.preprocess(toFiles, files.refine((list) => list.length > 0, "evidenceRequired"));
