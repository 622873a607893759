import { currentViewer } from "@/lib/auth/session";
import { getMyDocumentCopy } from "@/lib/dal/me-documents";
import { fileResponse } from "../respond";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return fileResponse(async () => {
    const d = await getMyDocumentCopy(await currentViewer(), id);
    return { body: d.content, fileName: d.fileName, mimeType: d.mimeType };
  });
}
