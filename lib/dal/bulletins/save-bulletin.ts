import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError, refused } from "@/lib/errors";
import type { BulletinTopic } from "@/lib/dto/information";

export type BulletinDraft = { id?: string; topic: BulletinTopic; titleFr: string; bodyFr: string; titleNl: string; bodyNl: string };

const orNull = (s: string) => (s.trim() === "" ? null : s.trim());

/** Writes a new draft issue, or changes a draft (a published issue never changes: "bulletinPublished"). */
export async function saveBulletin(viewer: Viewer | null, input: BulletinDraft): Promise<{ id: string }> {
  assertPermission(viewer, "bulletin:publish");
  const data = { topic: input.topic, titleFr: orNull(input.titleFr), bodyFr: orNull(input.bodyFr), titleNl: orNull(input.titleNl), bodyNl: orNull(input.bodyNl) };
  if (!input.id) return prisma.bulletin.create({ data: { ...data, authorId: viewer.userId }, select: { id: true } });
  const existing = await prisma.bulletin.findUnique({ where: { id: input.id }, select: { status: true } });
  if (!existing) throw new NotFoundError("bulletin");
  if (existing.status !== "DRAFT") throw refused("bulletinPublished");
  const { count } = await prisma.bulletin.updateMany({ where: { id: input.id, status: "DRAFT" }, data });
  if (count === 0) throw refused("bulletinPublished");
  return { id: input.id };
}
