import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { assertAssignable } from "@/lib/dal/internal/requests";
import { OPEN_REQUEST_STATUSES } from "@/lib/db/enums";
import { type BulkAssignment } from "@/lib/dto/requests";

export type QueueItemRef = { kind: "request" | "thread"; id: string };

/**
 * Assigns several lines of the work queue to one advisor in one go: a request gets its assignee, a message thread
 * its dossier's advisor (who answers the dossier's messages), each recorded in the audit log with who had it before.
 * All or nothing: a line that does not exist (or is no longer open) is a "not found" and nothing is assigned.
 * Two staff members assigning the same lines at once: the rows are locked in a fixed order (no deadlock), so one
 * assignment waits for the other, reads what it left and writes after it — every line ends with one of the two
 * assignees, all the lines of the later one with its own, and the audit log's "from" is what the line really had.
 */
export async function assignQueueItems(viewer: Viewer | null, input: { items: QueueItemRef[]; assigneeId: string }): Promise<BulkAssignment> {
  assertPermission(viewer, "request:decide");
  await assertAssignable(input.assigneeId);
  const assignee = await prisma.user.findUniqueOrThrow({ where: { id: input.assigneeId }, select: { name: true } });
  const requestIds = [...new Set(input.items.filter((i) => i.kind === "request").map((i) => i.id))].sort();
  const threadIds = [...new Set(input.items.filter((i) => i.kind === "thread").map((i) => i.id))].sort();
  if (requestIds.length + threadIds.length === 0) throw new NotFoundError("request");
  const assigned = await prisma.$transaction(async (tx) => {
    const requests = requestIds.length
      ? await tx.$queryRaw<{ id: string; assigneeId: string | null }[]>`
          SELECT id, "assigneeId" FROM "Request" WHERE id = ANY(${requestIds}::text[])
          AND status::text = ANY(${[...OPEN_REQUEST_STATUSES]}::text[])
          ORDER BY id FOR UPDATE`
      : [];
    if (requests.length !== requestIds.length) throw new NotFoundError("request");
    const threads = threadIds.length
      ? await tx.messageThread.findMany({ where: { id: { in: threadIds }, status: "OPEN" }, select: { affiliateId: true } })
      : [];
    if (threads.length !== threadIds.length) throw new NotFoundError("thread");
    const affiliateIds = [...new Set(threads.map((t) => t.affiliateId))].sort();
    const dossiers = affiliateIds.length
      ? await tx.$queryRaw<{ id: string; advisorId: string | null }[]>`
          SELECT id, "advisorId" FROM "Affiliate" WHERE id = ANY(${affiliateIds}::text[]) ORDER BY id FOR UPDATE`
      : [];
    if (requests.length) await tx.request.updateMany({ where: { id: { in: requestIds } }, data: { assigneeId: input.assigneeId } });
    if (dossiers.length) await tx.affiliate.updateMany({ where: { id: { in: affiliateIds } }, data: { advisorId: input.assigneeId } });
    await tx.auditLog.createMany({
      data: [
        ...requests.map((r) => ({ actorId: viewer.userId, action: "request.assign", entity: "Request", entityId: r.id, details: { from: r.assigneeId, to: input.assigneeId } })),
        ...dossiers.map((a) => ({ actorId: viewer.userId, action: "dossier.advisor", entity: "Affiliate", entityId: a.id, details: { from: a.advisorId, to: input.assigneeId } })),
      ],
    });
    return requests.length + threadIds.length;
  });
  return { assigned, assigneeName: assignee.name };
}
