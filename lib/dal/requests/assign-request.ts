import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { assertAssignable } from "@/lib/dal/internal/requests";

/** Assigns a request to an advisor (me or a colleague); recorded in the audit log. */
export async function assignRequest(viewer: Viewer | null, input: { requestId: string; assigneeId: string }): Promise<void> {
  assertPermission(viewer, "request:decide");
  const r = await prisma.request.findUnique({ where: { id: input.requestId }, select: { id: true, assigneeId: true } });
  if (!r) throw new NotFoundError("request");
  await assertAssignable(input.assigneeId);
  await prisma.$transaction([
    prisma.request.update({ where: { id: r.id }, data: { assigneeId: input.assigneeId } }),
    prisma.auditLog.create({ data: { actorId: viewer.userId, action: "request.assign", entity: "Request", entityId: r.id, details: { from: r.assigneeId, to: input.assigneeId } } }),
  ]);
}
