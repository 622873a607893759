import { currentViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { busyResponse, isBusy } from "@/lib/http/busy";
import { getCallNoticePdf } from "@/lib/dal/documents/get-call-notice-pdf";

// The call notice of a contribution call, as a PDF: for the affiliate who owns the call and for staff; anyone else
// (another affiliate, anonymous) gets a 404.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    // ?lang=en: the English courtesy copy of a notice issued in the affiliate's official language
    const doc = await getCallNoticePdf(await currentViewer(), id, new URL(request.url).searchParams.get("lang") === "en" ? "en" : null);
    return new Response(new Uint8Array(doc.content), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="${doc.fileName.replace(/[^\w.-]/g, "_")}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response(null, { status: 404 });
    if (isBusy(error)) return busyResponse(request);
    throw error;
  }
}
