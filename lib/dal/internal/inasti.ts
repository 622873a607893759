import "server-only";
import { prisma } from "@/lib/db/client";
import { transitionRequest } from "@/lib/domain";
import { isInastiRequest } from "@/lib/dal/internal/request-workflow";
import { toDomainState, toDomainType, type DbRequestStatus, type DbRequestType } from "@/lib/db/enums";
import { type InastiTrack } from "@/lib/dto/requests";
import { NotFoundError, refused } from "@/lib/errors";

export function inastiTrack(payload: unknown): InastiTrack | null {
  const v = (payload as { inasti?: InastiTrack } | null)?.inasti;
  return v && typeof v.sentOn === "string" ? v : null;
}

export function callIdsOf(payload: unknown): string[] {
  const ids = (payload as { callIds?: unknown } | null)?.callIds;
  return Array.isArray(ids) ? [...new Set(ids.filter((x): x is string => typeof x === "string" && x.length > 0 && x.length <= 100))] : [];
}

export async function loadInastiRequest(requestId: string) {
  const r = await prisma.request.findUnique({ where: { id: requestId }, select: { id: true, type: true, status: true, affiliateId: true, payload: true, reference: true } });
  if (!r) throw new NotFoundError("request");
  if (!isInastiRequest(r.type)) throw refused("notInastiRequest");
  return r;
}

export function checkMove(type: DbRequestType, from: DbRequestStatus, to: "forwarded" | "accepted" | "refused") {
  if (from === "AWAITING_SECOND_APPROVAL") throw refused("fourEyesPending");
  if (!transitionRequest(toDomainType(type), toDomainState(from), to).ok) throw refused("transitionNotAllowed");
}
