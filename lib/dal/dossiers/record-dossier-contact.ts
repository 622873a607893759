import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { dbDate } from "@/lib/clock";
import { invalid, NotFoundError } from "@/lib/errors";
import { checkedEvidenceOrThrow } from "@/lib/dal/internal/evidence";
import type { EvidenceUpload } from "@/lib/formats/evidence";
import type { ContactChannel } from "@/lib/dto/information";

export type ContactRecord = { affiliateId: string; channel: ContactChannel; occurredOn: string; summary: string };

/**
 * A contact with the affiliate outside the portal (phone call, letter, office visit, e-mail), recorded by an advisor
 * on the dossier, with the scanned letter when there is one: one file, checked by content like every evidence file
 * (PDF, JPEG or PNG) before anything is written. Not in the future; an unknown dossier is a 404.
 */
export async function recordDossierContact(viewer: Viewer | null, input: ContactRecord, uploads: readonly EvidenceUpload[], today: string): Promise<{ id: string }> {
  assertPermission(viewer, "contact:record");
  const a = await prisma.affiliate.findUnique({ where: { id: input.affiliateId }, select: { id: true } });
  if (!a) throw new NotFoundError("dossier");
  if (input.occurredOn > today) throw invalid({ occurredOn: ["eventInFuture"] });
  if (uploads.length > 1) throw invalid({ evidence: ["letterOneFile"] });
  const [file] = await checkedEvidenceOrThrow(uploads);
  return prisma.$transaction(async (tx) => {
    const document = file
      ? await tx.document.create({
          data: { affiliateId: a.id, kind: "EVIDENCE", fileName: file.fileName, mimeType: file.mimeType, sizeBytes: file.sizeBytes, content: Buffer.from(file.content) },
          select: { id: true },
        })
      : null;
    const contact = await tx.dossierContact.create({
      data: { affiliateId: a.id, channel: input.channel, occurredOn: dbDate(input.occurredOn), summary: input.summary.trim(), authorId: viewer.userId, documentId: document?.id ?? null },
      select: { id: true },
    });
    await tx.auditLog.create({
      data: { actorId: viewer.userId, action: "contact.record", entity: "DossierContact", entityId: contact.id, affiliateId: a.id, details: { channel: input.channel, occurredOn: input.occurredOn } },
    });
    return contact;
  });
}
