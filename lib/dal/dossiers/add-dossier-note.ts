import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";

/** An internal note on a dossier (never shown to the affiliate). */
export async function addDossierNote(viewer: Viewer | null, input: { affiliateId: string; body: string }): Promise<{ id: string }> {
  assertPermission(viewer, "dossier:read:any");
  const a = await prisma.affiliate.findUnique({ where: { id: input.affiliateId }, select: { id: true } });
  if (!a) throw new NotFoundError("dossier");
  const note = await prisma.dossierNote.create({ data: { affiliateId: a.id, authorId: viewer.userId, body: input.body } });
  return { id: note.id };
}
