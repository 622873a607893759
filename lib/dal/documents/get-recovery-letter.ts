import "server-only";
import { prisma } from "@/lib/db/client";
import { logStaffRead } from "@/lib/dal/internal/access-log";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";

/** A recovery letter for staff (the debtor's own copy is theirs to show in their area); anything else is a 404. */
export async function getRecoveryLetter(viewer: Viewer | null, documentId: string): Promise<{ fileName: string; content: Uint8Array }> {
  assertPermission(viewer, "recovery:manage");
  const doc = await prisma.document.findFirst({ where: { id: documentId, kind: "RECOVERY_LETTER" }, select: { fileName: true, content: true, affiliateId: true } });
  if (!doc || !doc.content) throw new NotFoundError("document");
  await logStaffRead(viewer, { affiliateId: doc.affiliateId, action: "recovery-letter.view", entity: "Document", entityId: documentId, reason: "recovery" });
  return { fileName: doc.fileName, content: doc.content };
}
