import "server-only";
import { NotFoundError } from "@/lib/auth/viewer";

// Shared by the document route handlers: a NotFoundError (foreign, missing, or not an affiliate) is a plain 404.
export async function fileResponse(make: () => Promise<{ body: Uint8Array; fileName: string; mimeType: string }>): Promise<Response> {
  try {
    const f = await make();
    return new Response(new Uint8Array(f.body), {
      headers: {
        "Content-Type": f.mimeType,
        "Content-Disposition": `attachment; filename="${f.fileName.replace(/[^\w.-]/g, "_")}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Not found", { status: 404 });
    throw error;
  }
}
