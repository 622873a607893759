import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { type MyRequestSummary } from "@/lib/dto/requests";

export async function listMyRequests(viewer: Viewer | null): Promise<MyRequestSummary[]> {
  const affiliateId = ownAffiliateId(viewer);
  const rows = await prisma.request.findMany({
    where: { affiliateId },
    orderBy: [{ filedOn: "desc" }, { reference: "desc" }],
    select: { reference: true, type: true, status: true, filedOn: true },
  });
  return rows.map((r) => ({ ...r, filedOn: isoDate(r.filedOn) }));
}
