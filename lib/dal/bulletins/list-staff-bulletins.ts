import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { authorNames, staffBulletinOf } from "@/lib/dal/internal/bulletins";
import type { StaffBulletin } from "@/lib/dto/information";

/** Every issue, drafts first then the most recently published (staff). */
export async function listStaffBulletins(viewer: Viewer | null): Promise<StaffBulletin[]> {
  assertPermission(viewer, "bulletin:publish");
  const rows = await prisma.bulletin.findMany({ orderBy: [{ status: "asc" }, { publishedAt: { sort: "desc", nulls: "first" } }, { updatedAt: "desc" }], take: 200 });
  const names = await authorNames(rows.map((r) => r.authorId));
  return rows.map((r) => staffBulletinOf(r, names.get(r.authorId) ?? ""));
}
