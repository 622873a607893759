import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError, refused } from "@/lib/errors";

/**
 * The second staff member approves (the figure changes) or rejects a proposed legal-parameter change. The proposer
 * can never approve their own change; a figure changed since the proposal is refused rather than overwritten.
 */
export async function approveParameterChange(viewer: Viewer | null, input: { changeId: string; approve: boolean }): Promise<"applied" | "rejected"> {
  assertPermission(viewer, "parameter:approve");
  return prisma.$transaction(async (tx) => {
    const change = await tx.legalParameterChange.findUnique({ where: { id: input.changeId }, include: { parameter: true } });
    if (!change) throw new NotFoundError("parameterChange");
    if (change.state !== "PROPOSED") throw refused("fourEyesNothingToApprove");
    if (change.changedById === viewer.userId) throw refused("fourEyesSameStaff");
    const decided = { decidedById: viewer.userId, decidedAt: new Date() };
    // only the proposal still waiting moves (two approvers at once: one wins)
    const { count } = await tx.legalParameterChange.updateMany({ where: { id: change.id, state: "PROPOSED" }, data: { ...decided, state: input.approve ? "APPLIED" : "REJECTED" } });
    if (count !== 1) throw refused("concurrentChange");
    const p = change.parameter;
    const details = { changeId: change.id, proposedById: change.changedById, year: p.year, key: p.key, oldValue: change.oldValue?.toString() ?? null, newValue: change.newValue?.toString() ?? null };
    if (!input.approve) {
      await tx.auditLog.create({ data: { actorId: viewer.userId, action: "parameter.reject", entity: "LegalParameter", entityId: p.id, reason: change.reason, details } });
      return "rejected";
    }
    const moved = await tx.legalParameter.updateMany({
      where: { id: p.id, value: change.oldValue, status: change.oldStatus },
      data: { value: change.newValue, status: change.newStatus },
    });
    if (moved.count !== 1) throw refused("parameterChangedMeanwhile");
    await tx.auditLog.create({ data: { actorId: viewer.userId, action: "parameter.update", entity: "LegalParameter", entityId: p.id, reason: change.reason, details } });
    return "applied";
  });
}
