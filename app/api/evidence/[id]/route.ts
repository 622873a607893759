import { currentViewer } from "@/lib/auth/session";
import { getEvidenceFile } from "@/lib/dal/documents/get-evidence-file";
import { documentResponse } from "@/lib/http/document-response";

// An evidence file attached to a request: the owning affiliate, or staff allowed to read any dossier (logged in
// AuditLog by the DAL); anyone else, or an unknown id, gets a 404. Always as an attachment, never sniffed.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return documentResponse(async () => {
    const f = await getEvidenceFile(await currentViewer(), id);
    return { content: f.content, fileName: f.fileName, mimeType: f.mimeType };
  });
}
