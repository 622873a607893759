import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { can } from "@/lib/auth/permissions";

/** The decision letter of a request: its owner (an affiliate) or staff; anyone else gets a 404. */
export async function getDecisionLetter(viewer: Viewer | null, requestId: string): Promise<{ fileName: string; content: Uint8Array }> {
  if (!viewer) throw new NotFoundError();
  const staff = can(viewer.role, "dossier:read:any");
  if (!staff) assertPermission(viewer, "own-dossier:read");
  const doc = await prisma.document.findFirst({
    where: { requestId, kind: "DECISION", ...(staff ? {} : { affiliateId: viewer.affiliateId ?? "—" }) },
    orderBy: { createdAt: "desc" },
    select: { fileName: true, content: true },
  });
  if (!doc || !doc.content) throw new NotFoundError("document");
  return { fileName: doc.fileName, content: doc.content };
}
