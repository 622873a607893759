import { currentViewer } from "@/lib/auth/session";
import { getDecisionLetter } from "@/lib/dal/documents/get-decision-letter";
import { documentResponse } from "@/lib/http/document-response";

// The motivated decision letter of a request, as a PDF: for the affiliate who owns the request and for staff;
// anyone else (another affiliate, anonymous) gets a 404.
export async function GET(_request: Request, { params }: { params: Promise<{ requestId: string }> }) {
  const { requestId } = await params;
  return documentResponse(async () => getDecisionLetter(await currentViewer(), requestId));
}
