import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";

export async function listParameterYears(viewer: Viewer | null): Promise<number[]> {
  assertPermission(viewer, "parameter:read");
  const rows = await prisma.legalParameter.findMany({ distinct: ["year"], select: { year: true }, orderBy: { year: "desc" } });
  return rows.map((r) => r.year);
}
