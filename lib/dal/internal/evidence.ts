import "server-only";
import { checkEvidence, type CheckedEvidence, type EvidenceUpload } from "@/lib/formats/evidence";
import { invalid } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

// Evidence attached to a request: checked (type by content, size, count) BEFORE the request's transaction opens,
// then written in that same transaction (a refused file means nothing is written). Downloads: the owning
// affiliate, or staff allowed to read any dossier (each staff download is logged in AuditLog); anyone else: 404.

/** Checks the uploads; the first refused file is a field error on `evidence` naming it ("evidenceType|scan.pdf"). */
export async function checkedEvidenceOrThrow(uploads: readonly EvidenceUpload[]): Promise<CheckedEvidence[]> {
  const r = await checkEvidence(uploads);
  if (!r.ok) throw invalid({ evidence: [`${r.code}|${r.fileName ?? ""}`] });
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
