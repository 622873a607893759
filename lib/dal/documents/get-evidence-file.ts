import "server-only";
import { prisma } from "@/lib/db/client";
import { logStaffRead } from "@/lib/dal/internal/access-log";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { can } from "@/lib/auth/permissions";
import { type EvidenceFile } from "@/lib/dto/documents";

/** One evidence file: the owning affiliate, or staff with dossier:read:any (logged); otherwise NotFoundError. */
export async function getEvidenceFile(viewer: Viewer | null, id: string): Promise<EvidenceFile> {
  if (viewer && can(viewer.role, "own-dossier:read")) {
    if (!viewer.affiliateId) throw new NotFoundError("evidence");
    const d = await prisma.document.findFirst({ where: { id, kind: "EVIDENCE", affiliateId: viewer.affiliateId }, select: { fileName: true, mimeType: true, content: true } });
    if (!d?.content) throw new NotFoundError("evidence");
    return { fileName: d.fileName, mimeType: d.mimeType, content: d.content };
  }
  assertPermission(viewer, "dossier:read:any");
  const d = await prisma.document.findFirst({
    where: { id, kind: "EVIDENCE" },
    select: { fileName: true, mimeType: true, content: true, affiliateId: true, requestId: true },
  });
  if (!d?.content) throw new NotFoundError("evidence");
  await logStaffRead(viewer, { affiliateId: d.affiliateId, action: "evidence.download", entity: "Document", entityId: id, reason: d.requestId ? "request" : "consultation", details: { fileName: d.fileName } });
  return { fileName: d.fileName, mimeType: d.mimeType, content: d.content };
}
