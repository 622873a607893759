import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";

export async function updateParameter(
  viewer: Viewer | null,
  input: { id: string; value: bigint; status: "confirmed" | "derived"; reason: string },
): Promise<void> {
  assertPermission(viewer, "parameter:update");
  await prisma.$transaction(async (tx) => {
    const current = await tx.legalParameter.findUnique({ where: { id: input.id } });
    if (!current) throw new NotFoundError("parameter");
    await tx.legalParameter.update({ where: { id: input.id }, data: { value: input.value, status: input.status } });
    await tx.legalParameterChange.create({
      data: {
        parameterId: input.id,
        oldValue: current.value,
        newValue: input.value,
        oldStatus: current.status,
        newStatus: input.status,
        reason: input.reason,
        changedById: viewer.userId,
      },
    });
    await tx.auditLog.create({
      data: {
        actorId: viewer.userId,
        action: "parameter.update",
        entity: "LegalParameter",
        entityId: input.id,
        reason: input.reason,
        details: { year: current.year, key: current.key, oldValue: current.value?.toString() ?? null, newValue: input.value.toString() },
      },
    });
  });
}
