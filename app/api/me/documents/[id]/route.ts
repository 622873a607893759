import { currentViewer } from "@/lib/auth/session";
import { getMyDocumentCopy } from "@/lib/dal/documents/get-my-document-copy";
import { documentResponse } from "@/lib/http/document-response";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return documentResponse(async () => {
    const d = await getMyDocumentCopy(await currentViewer(), id);
    return { content: d.content, fileName: d.fileName, mimeType: d.mimeType };
  });
}
