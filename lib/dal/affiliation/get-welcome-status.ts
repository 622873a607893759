import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";

/** What the request page shows of an accepted affiliation's follow-up (null for anything else). */
export async function welcomeStatus(viewer: Viewer | null, requestId: string): Promise<{ pack: boolean; quarters: number; email: boolean | null } | null> {
  assertPermission(viewer, "dossier:read:any");
  const r = await prisma.request.findUnique({ where: { id: requestId }, select: { type: true, status: true, affiliateId: true, affiliate: { select: { person: { select: { email: true } } } } } });
  if (!r || r.type !== "AFFILIATION" || r.status !== "ACCEPTED" || !r.affiliateId) return null;
  const key = `welcome:${r.affiliateId}`;
  const [pack, quarters, email] = await Promise.all([
    prisma.document.count({ where: { uniqueKey: key } }),
    prisma.contributionCall.count({ where: { affiliateId: r.affiliateId, kind: "PROVISIONAL" } }),
    prisma.outboundEmail.count({ where: { uniqueKey: key } }),
  ]);
  return { pack: pack > 0, quarters, email: r.affiliate?.person?.email ? email > 0 : null };
}
