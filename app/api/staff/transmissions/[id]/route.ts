import { currentViewer } from "@/lib/auth/session";
import { getTransmissionFile } from "@/lib/dal/transmissions/list-transmissions";
import { documentResponse } from "@/lib/http/document-response";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return documentResponse(async () => getTransmissionFile(await currentViewer(), id));
}
