import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError, refused } from "@/lib/errors";

/**
 * A file marked sent (from PREPARED) or acknowledged (from SENT), with who and when; a file sent to the mutuality
 * stamps its payments "sent to the health insurer". Conditional updates: a second click changes nothing. Audited.
 */
export async function advanceTransmission(viewer: Viewer | null, input: { id: string; to: "SENT" | "ACKNOWLEDGED" }, today: string): Promise<{ changed: boolean }> {
  assertPermission(viewer, "transmission:manage");
  const t = await prisma.transmission.findUnique({ where: { id: input.id }, select: { id: true, status: true } });
  if (!t) throw new NotFoundError("transmission");
  const now = new Date();
  return prisma.$transaction(async (tx) => {
    const { count } =
      input.to === "SENT"
        ? await tx.transmission.updateMany({ where: { id: t.id, status: "PREPARED" }, data: { status: "SENT", sentAt: now, sentOn: dbDate(today), sentById: viewer.userId } })
        : await tx.transmission.updateMany({ where: { id: t.id, status: "SENT" }, data: { status: "ACKNOWLEDGED", acknowledgedAt: now, acknowledgedById: viewer.userId } });
    if (count === 0) {
      const current = await tx.transmission.findUniqueOrThrow({ where: { id: t.id }, select: { status: true } });
      if (input.to === "ACKNOWLEDGED" && current.status === "PREPARED") throw refused("transmission.notSentYet");
      return { changed: false };
    }
    if (input.to === "SENT") await tx.benefitPayment.updateMany({ where: { transmissionId: t.id, sentToHealthInsurerAt: null }, data: { sentToHealthInsurerAt: now } });
    await tx.auditLog.create({ data: { actorId: viewer.userId, action: input.to === "SENT" ? "transmission.sent" : "transmission.acknowledged", entity: "Transmission", entityId: t.id, details: { on: today } } });
    return { changed: true };
  });
}
