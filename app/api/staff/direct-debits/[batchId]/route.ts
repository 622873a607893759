import { currentViewer } from "@/lib/auth/session";
import { getDirectDebitFile } from "@/lib/dal/payments/get-direct-debit-file";
import { documentResponse } from "@/lib/http/document-response";

// A pain.008 file of a direct-debit run, for the advisor who sends it to the bank (each debtor's access log says so); 404 otherwise.
export async function GET(_request: Request, { params }: { params: Promise<{ batchId: string }> }) {
  const { batchId } = await params;
  return documentResponse(async () => getDirectDebitFile(await currentViewer(), batchId));
}
