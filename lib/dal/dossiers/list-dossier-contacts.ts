import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { isoDate } from "@/lib/clock";
import type { DossierContactEntry } from "@/lib/dto/information";

/** The contacts recorded on a dossier, the most recent first (the dossier page's read is logged by getDossier). */
export async function listDossierContacts(viewer: Viewer | null, affiliateId: string): Promise<DossierContactEntry[]> {
  assertPermission(viewer, "dossier:read:any");
  const rows = await prisma.dossierContact.findMany({ where: { affiliateId }, orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }], take: 200 });
  const ids = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => x !== null))];
  const [authors, documents] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: ids(rows.map((r) => r.authorId)) } }, select: { id: true, name: true } }),
    prisma.document.findMany({ where: { id: { in: ids(rows.map((r) => r.documentId)) }, affiliateId }, select: { id: true, fileName: true } }),
  ]);
  const author = new Map(authors.map((u) => [u.id, u.name]));
  const document = new Map(documents.map((d) => [d.id, d]));
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    occurredOn: isoDate(r.occurredOn),
    summary: r.summary,
    authorName: author.get(r.authorId) ?? "",
    document: r.documentId ? (document.get(r.documentId) ?? null) : null,
  }));
}
