import "server-only";
import { prisma } from "@/lib/db/client";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";

/** A copy of a stored document of the caller's dossier; another dossier's (or a missing) document is a 404. */
export async function getMyDocumentCopy(viewer: Viewer | null, id: string): Promise<{ fileName: string; mimeType: string; content: Uint8Array }> {
  const affiliateId = ownAffiliateId(viewer);
  const d = await prisma.document.findFirst({ where: { id, affiliateId }, select: { fileName: true, mimeType: true, content: true } });
  if (!d || !d.content) throw new NotFoundError("document");
  return { fileName: d.fileName, mimeType: d.mimeType, content: d.content };
}
