import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { refused } from "@/lib/errors";
import { yearOf } from "@/lib/domain";
import { inastiCareerFile, incapacityFile, mutualityFile, type PreparedFile } from "@/lib/dal/internal/transmissions";
import type { TransmissionKind } from "@/lib/generated/prisma/enums";

/**
 * Prepares the file of a kind: the mutuality's (the benefit payments waiting, or the incapacity attestations of the
 * illness assimilations accepted, dated today) or INASTI's career data of `year`. One file per kind and period; the
 * payments or requests it carries are tied to it, so the next file leaves them out (a request is in one file only:
 * it has a single incapacityTransmissionId, set only while empty). Audited. Refused when there is nothing to send or
 * the file of that period exists.
 */
export async function prepareTransmission(viewer: Viewer | null, input: { kind: TransmissionKind; year?: number }, today: string): Promise<{ id: string; itemCount: number }> {
  assertPermission(viewer, "transmission:manage");
  return prisma.$transaction(async (tx) => {
    const file: PreparedFile | null =
      input.kind === "MUTUALITY_BENEFIT_PAYMENTS"
        ? await mutualityFile(tx, today)
        : input.kind === "MUTUALITY_INCAPACITY_ATTESTATIONS"
          ? await incapacityFile(tx, today)
          : await inastiCareerFile(tx, input.year ?? yearOf(today) - 1);
    if (!file) throw refused("transmission.nothingToSend");
    if (await tx.transmission.findUnique({ where: { kind_period: { kind: input.kind, period: file.period } }, select: { id: true } })) throw refused("transmission.alreadyPrepared");
    const t = await tx.transmission.create({
      data: { kind: input.kind, period: file.period, fileName: file.fileName, content: new Uint8Array(file.content), itemCount: file.itemCount, dueOn: dbDate(file.dueOn), preparedById: viewer.userId },
    });
    if (file.paymentIds.length > 0) await tx.benefitPayment.updateMany({ where: { id: { in: file.paymentIds }, transmissionId: null }, data: { transmissionId: t.id } });
    const requestIds = file.requestIds ?? [];
    if (requestIds.length > 0) {
      const { count } = await tx.request.updateMany({ where: { id: { in: requestIds }, incapacityTransmissionId: null }, data: { incapacityTransmissionId: t.id } });
      if (count !== requestIds.length) throw refused("transmission.alreadyPrepared"); // another file took one meanwhile: nothing is kept
    }
    await tx.auditLog.create({ data: { actorId: viewer.userId, action: "transmission.prepared", entity: "Transmission", entityId: t.id, details: { kind: input.kind, period: file.period, itemCount: file.itemCount } } });
    return { id: t.id, itemCount: file.itemCount };
  });
}
