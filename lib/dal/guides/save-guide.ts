import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import type { GuideText } from "@/lib/dto/guides";
import { NotFoundError, refused } from "@/lib/errors";

/**
 * Staff save a guide's text in every language at once (all or nothing), with who and when; the audit log keeps the
 * text before and after. `expectedUpdatedAt` is the version the editor opened: two staff members saving the same guide
 * from two tabs — the second is told it changed meanwhile, and loses nothing (the form keeps what they wrote).
 */
export async function saveGuide(viewer: Viewer | null, slug: string, content: Record<string, GuideText>, expectedUpdatedAt: string): Promise<void> {
  assertPermission(viewer, "content:edit");
  await prisma.$transaction(async (tx) => {
    const before = await tx.guide.findUnique({ where: { slug }, select: { content: true, updatedAt: true } });
    if (!before) throw new NotFoundError("guide");
    const { count } = await tx.guide.updateMany({ where: { slug, updatedAt: new Date(expectedUpdatedAt) }, data: { content, updatedById: viewer.userId } });
    if (count !== 1) throw refused("guideChanged");
    await tx.auditLog.create({ data: { actorId: viewer.userId, action: "guide.save", entity: "Guide", entityId: slug, details: { before: before.content, after: content } as never } });
  });
}
