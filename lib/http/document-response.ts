// The one way the portal hands out a stored or generated document (certificates, decision letters, evidence…): the bytes as an
// attachment, never cached, never sniffed; a NotFoundError (missing, foreign, or no permission) is a plain 404, a busy
// database the 503 busy page (lib/http/busy.ts).
import { NotFoundError } from "@/lib/errors";
import { busyResponseHere, isBusy } from "./busy";

export type StoredFile = { fileName: string; content: Uint8Array; mimeType?: string };

/** A safe attachment file name (no quotes, slashes or header injection). */
export function attachmentName(fileName: string): string {
  return fileName.replace(/[^\w.-]/g, "_");
}

export async function documentResponse(load: () => Promise<StoredFile>): Promise<Response> {
  try {
    const doc = await load();
    return new Response(new Uint8Array(doc.content), {
      headers: {
        "Content-Type": doc.mimeType ?? "application/pdf",
        "Content-Disposition": `attachment; filename="${attachmentName(doc.fileName)}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response(null, { status: 404 });
    if (isBusy(error)) return busyResponseHere();
    throw error;
  }
}
