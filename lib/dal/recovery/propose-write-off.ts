import "server-only";
import { prisma } from "@/lib/db/client";
import { type Viewer } from "@/lib/auth/viewer";
import { openCaseForWriteOff } from "@/lib/dal/internal/recovery";
import { refused } from "@/lib/errors";

/** First half of a write-off: proposed by one staff member. */
export async function proposeWriteOff(viewer: Viewer | null, input: { caseId: string; note: string }): Promise<void> {
  const { staff, c } = await openCaseForWriteOff(viewer, input.caseId);
  const { count } = await prisma.recoveryCase.updateMany({ where: { id: c.id, writeOffProposedById: null }, data: { writeOffProposedById: staff.userId } });
  if (count !== 1) throw refused("writeOffAlreadyProposed");
  await prisma.auditLog.create({ data: { actorId: staff.userId, action: "recovery.writeOff.propose", entity: "RecoveryCase", entityId: c.id, reason: input.note || null } });
}
