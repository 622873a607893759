import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { authorNames, staffBulletinOf } from "@/lib/dal/internal/bulletins";
import type { StaffBulletin } from "@/lib/dto/information";

/** One issue for its editor and preview (staff); an unknown id is a 404. */
export async function getStaffBulletin(viewer: Viewer | null, id: string): Promise<StaffBulletin> {
  assertPermission(viewer, "bulletin:publish");
  const row = await prisma.bulletin.findUnique({ where: { id } });
  if (!row) throw new NotFoundError("bulletin");
  return staffBulletinOf(row, (await authorNames([row.authorId])).get(row.authorId) ?? "");
}
