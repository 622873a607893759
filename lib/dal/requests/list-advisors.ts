import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { type StaffMember } from "@/lib/dto/requests";

/** Advisors who can be assigned work. */
export async function listAdvisors(viewer: Viewer | null): Promise<StaffMember[]> {
  assertPermission(viewer, "dossier:read:any");
  return prisma.user.findMany({ where: { role: "ADVISOR", disabledAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
