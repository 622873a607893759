import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import type { StaffGuide } from "@/lib/dto/guides";
import { NotFoundError } from "@/lib/errors";

const toStaff = (g: { slug: string; position: number; content: unknown; updatedAt: Date; updatedBy: { name: string } | null }): StaffGuide => ({
  slug: g.slug,
  position: g.position,
  content: g.content as StaffGuide["content"],
  updatedAt: g.updatedAt.toISOString(),
  updatedByName: g.updatedBy?.name ?? null,
});

/** Every guide with its content in every language, for the editor's list. */
export async function listGuidesForStaff(viewer: Viewer | null): Promise<StaffGuide[]> {
  assertPermission(viewer, "content:edit");
  const rows = await prisma.guide.findMany({ orderBy: [{ position: "asc" }, { slug: "asc" }], include: { updatedBy: { select: { name: true } } } });
  return rows.map(toStaff);
}

/** One guide for the editor. */
export async function getGuideForStaff(viewer: Viewer | null, slug: string): Promise<StaffGuide> {
  assertPermission(viewer, "content:edit");
  const g = await prisma.guide.findUnique({ where: { slug }, include: { updatedBy: { select: { name: true } } } });
  if (!g) throw new NotFoundError("guide");
  return toStaff(g);
}
