import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError, invalid, refused } from "@/lib/errors";
import { figureFromText, type FigureUnit } from "@/lib/domain";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * An admin's correction of a legal figure (typed in its unit: euros, %, …), proposed: it applies only when a second staff member approves it
 * (approveParameterChange) — four eyes on every figure the contributions are computed from. One proposal at a time
 * per parameter.
 */
export async function updateParameter(
  viewer: Viewer | null,
  typed: { id: string; value: string; status: "confirmed" | "derived"; reason: string },
): Promise<void> {
  assertPermission(viewer, "parameter:update");
  const current = await prisma.legalParameter.findUnique({ where: { id: typed.id } });
  if (!current) throw new NotFoundError("parameter");
  // the value as staff typed it, in the figure's unit (euros, %, a count, a decimal ratio)
  const parsed = figureFromText(current.unit as FigureUnit, typed.value, current.denominator);
  if (!parsed.ok) throw invalid({ value: [parsed.code] });
  const input = { ...typed, value: parsed.value };
  if (current.value === input.value && current.status === input.status) throw refused("parameterUnchanged");
  try {
    await prisma.$transaction(async (tx) => {
      const change = await tx.legalParameterChange.create({
        data: {
          parameterId: input.id,
          oldValue: current.value,
          newValue: input.value,
          oldStatus: current.status,
          newStatus: input.status,
          reason: input.reason,
          changedById: viewer.userId,
          state: "PROPOSED",
        },
      });
      await tx.auditLog.create({
        data: {
          actorId: viewer.userId,
          action: "parameter.propose",
          entity: "LegalParameter",
          entityId: input.id,
          reason: input.reason,
          details: { changeId: change.id, year: current.year, key: current.key, oldValue: current.value?.toString() ?? null, newValue: input.value.toString() },
        },
      });
    });
  } catch (error) {
    // the partial unique index: another change of this figure already waits for its second approver
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw refused("parameterChangePending");
    throw error;
  }
}
