import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { compareDates } from "@/lib/domain";
import { type InastiTrack } from "@/lib/dto/requests";
import { loadInastiRequest, checkMove } from "@/lib/dal/internal/inasti";
import { refused } from "@/lib/errors";

/** The advisor sends the request to INASTI on `sentOn` (not after today). */
export async function forwardToInasti(viewer: Viewer | null, input: { requestId: string; sentOn: string }, today: string): Promise<void> {
  assertPermission(viewer, "request:decide");
  const r = await loadInastiRequest(input.requestId);
  checkMove(r.type, r.status, "forwarded");
  if (compareDates(input.sentOn, today) > 0) throw refused("dateInvalid");
  const payload = { ...((r.payload ?? {}) as Record<string, unknown>), inasti: { sentOn: input.sentOn } satisfies InastiTrack };
  await prisma.$transaction(async (tx) => {
    // the fund's handling ends here (decidedAt: the KPIs count a forwarded exemption as handled by the fund)
    const { count } = await tx.request.updateMany({ where: { id: r.id, status: r.status }, data: { status: "FORWARDED", payload, decidedAt: new Date(), decidedById: viewer.userId } });
    if (count !== 1) throw refused("concurrentChange");
    await tx.requestEvent.create({ data: { requestId: r.id, actorId: viewer.userId, fromStatus: r.status, toStatus: "FORWARDED", reason: `inasti.forwarded:${input.sentOn}` } });
  });
}
