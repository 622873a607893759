import "server-only";
import { prisma } from "@/lib/db/client";
import { logStaffRead } from "@/lib/dal/internal/access-log";
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
    select: { id: true, fileName: true, content: true, affiliateId: true, request: { select: { reference: true } } },
  });
  if (!doc || !doc.content) throw new NotFoundError("document");
  await logStaffRead(viewer, { affiliateId: doc.affiliateId, action: "decision-letter.view", entity: "Document", entityId: doc.id, reason: "request", details: { reference: doc.request?.reference ?? "" } });
  return { fileName: doc.fileName, content: doc.content };
}
