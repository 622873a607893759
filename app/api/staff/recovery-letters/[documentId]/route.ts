import { currentViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/auth/viewer";
import { getRecoveryLetter } from "@/lib/dal/backoffice-recovery";

// A recovery letter (reminder, account statement, formal notice) as a PDF, for staff handling recovery; 404 otherwise.
export async function GET(_request: Request, { params }: { params: Promise<{ documentId: string }> }) {
  const { documentId } = await params;
  try {
    const doc = await getRecoveryLetter(await currentViewer(), documentId);
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
