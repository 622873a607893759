import "server-only";
import { prisma } from "@/lib/db/client";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { type StoredDocument } from "@/lib/dto/documents";

export async function listMyDocuments(viewer: Viewer | null): Promise<StoredDocument[]> {
  const affiliateId = ownAffiliateId(viewer);
  const rows = await prisma.document.findMany({
    where: { affiliateId, content: { not: null } },
    orderBy: { createdAt: "desc" },
    select: { id: true, kind: true, fileName: true, mimeType: true, sizeBytes: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
