// Server actions receive the request forms as FormData: plain fields (the last value wins, like
// Object.fromEntries), checkbox groups as repeated entries, and the evidence files.

import type { EvidenceUpload } from "@/lib/formats/evidence";

export function formInput(fd: FormData, lists: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of fd.entries()) if (!lists.includes(k) && k !== "evidence" && !k.startsWith("$ACTION")) out[k] = v;
  for (const k of lists) out[k] = fd.getAll(k);
  out.evidence = fd.getAll("evidence").filter((v) => typeof v !== "string");
  return out;
}

export async function uploadsOf(files: readonly File[]): Promise<EvidenceUpload[]> {
  return Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}
