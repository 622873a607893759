import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, NotFoundError, type Viewer } from "@/lib/auth/viewer";
import { can } from "@/lib/auth/permissions";
import { checkEvidence, type CheckedEvidence, type EvidenceRefusal, type EvidenceUpload } from "@/lib/self-service/evidence";
import type { Prisma } from "@/lib/generated/prisma/client";

// Evidence attached to a request: checked (type by content, size, count) BEFORE the request's transaction opens,
// then written in that same transaction (a refused file means nothing is written). Downloads: the owning
// affiliate, or staff allowed to read any dossier (each staff download is logged in AuditLog); anyone else: 404.

/** Thrown by the filing functions when a file is refused; actions turn it into a field error naming the file. */
export class EvidenceRefusedError extends Error {
  constructor(
    readonly code: EvidenceRefusal,
    readonly fileName: string | null,
  ) {
    super(`evidence refused: ${code}${fileName ? ` (${fileName})` : ""}`);
    this.name = "EvidenceRefusedError";
  }

  /** The forms' field error on `evidence`: the message code and the file it names ("evidenceType|scan.pdf"). */
  get fieldErrors(): Record<string, string[]> {
    return { evidence: [`${this.code}|${this.fileName ?? ""}`] };
  }
}

/** Checks the uploads; throws EvidenceRefusedError on the first refused file. */
export async function checkedEvidenceOrThrow(uploads: readonly EvidenceUpload[]): Promise<CheckedEvidence[]> {
  const r = await checkEvidence(uploads);
  if (!r.ok) throw new EvidenceRefusedError(r.code, r.fileName);
  return r.files;
}

/** Writes the checked files as EVIDENCE documents of the request, inside the caller's transaction. */
export async function attachEvidence(tx: Prisma.TransactionClient, affiliateId: string, requestId: string, files: readonly CheckedEvidence[]) {
  if (files.length === 0) return;
  await tx.document.createMany({
    data: files.map((f) => ({
      affiliateId,
      requestId,
      kind: "EVIDENCE" as const,
      fileName: f.fileName,
      mimeType: f.mimeType,
      sizeBytes: f.sizeBytes,
      content: Buffer.from(f.content),
    })),
  });
}

export type EvidenceFile = { fileName: string; mimeType: string; content: Uint8Array };

/** One evidence file: the owning affiliate, or staff with dossier:read:any (logged); otherwise NotFoundError. */
export async function getEvidenceFile(viewer: Viewer | null, id: string): Promise<EvidenceFile> {
  if (viewer && can(viewer.role, "own-dossier:read")) {
    if (!viewer.affiliateId) throw new NotFoundError("evidence");
    const d = await prisma.document.findFirst({ where: { id, kind: "EVIDENCE", affiliateId: viewer.affiliateId }, select: { fileName: true, mimeType: true, content: true } });
    if (!d?.content) throw new NotFoundError("evidence");
    return { fileName: d.fileName, mimeType: d.mimeType, content: d.content };
  }
  assertPermission(viewer, "dossier:read:any");
  const d = await prisma.document.findFirst({
    where: { id, kind: "EVIDENCE" },
    select: { fileName: true, mimeType: true, content: true, affiliateId: true, requestId: true },
  });
  if (!d?.content) throw new NotFoundError("evidence");
  await prisma.auditLog.create({
    data: { actorId: viewer.userId, action: "evidence.download", entity: "Document", entityId: id, details: { affiliateId: d.affiliateId, requestId: d.requestId } },
  });
  return { fileName: d.fileName, mimeType: d.mimeType, content: d.content };
}
