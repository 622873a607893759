import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { type InastiTrack } from "@/lib/dto/requests";
import { inastiTrack, callIdsOf } from "@/lib/dal/internal/inasti";

/** For the staff request page: the INASTI track and the calls the request lists (of the request's own dossier). */
export async function inastiDetails(viewer: Viewer | null, requestId: string): Promise<{ track: InastiTrack | null; calls: { id: string; year: number; quarter: number; kind: string }[] }> {
  assertPermission(viewer, "dossier:read:any");
  const r = await prisma.request.findUnique({ where: { id: requestId }, select: { payload: true, affiliateId: true } });
  if (!r) return { track: null, calls: [] };
  const ids = callIdsOf(r.payload);
  const calls = ids.length && r.affiliateId
    ? await prisma.contributionCall.findMany({ where: { id: { in: ids }, affiliateId: r.affiliateId }, orderBy: [{ year: "asc" }, { quarter: "asc" }], select: { id: true, year: true, quarter: true, kind: true } })
    : [];
  return { track: inastiTrack(r.payload), calls };
}
