import { currentViewer } from "@/lib/auth/session";
import { getRecoveryLetter } from "@/lib/dal/documents/get-recovery-letter";
import { documentResponse } from "@/lib/http/document-response";

// A recovery letter (reminder, account statement, formal notice) as a PDF, for staff handling recovery; 404 otherwise.
export async function GET(_request: Request, { params }: { params: Promise<{ documentId: string }> }) {
  const { documentId } = await params;
  return documentResponse(async () => getRecoveryLetter(await currentViewer(), documentId));
}
