import { currentViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/auth/viewer";
import { getDecisionLetter } from "@/lib/dal/backoffice-requests";

// The motivated decision letter of a request, as a PDF: for the affiliate who owns the request and for staff;
// anyone else (another affiliate, anonymous) gets a 404.
export async function GET(_request: Request, { params }: { params: Promise<{ requestId: string }> }) {
  const { requestId } = await params;
  try {
    const doc = await getDecisionLetter(await currentViewer(), requestId);
    return new Response(Buffer.from(doc.content), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${doc.fileName.replace(/[^\w.-]/g, "_")}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response(null, { status: 404 });
    throw error;
  }
}
