import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { logStaffReads } from "@/lib/dal/internal/access-log";

/** A pain.008 file as written by its run, for the advisor who sends it to the bank. It names each debtor and their
 *  account: every affiliate in it gets one access-log row. An empty (interrupted) batch does not exist. */
export async function getDirectDebitFile(viewer: Viewer | null, batchId: string): Promise<{ fileName: string; content: Uint8Array; mimeType: string }> {
  assertPermission(viewer, "mandate:manage");
  const b = await prisma.directDebitBatch.findUnique({ where: { id: batchId }, select: { id: true, fileName: true, xml: true, count: true } });
  if (!b || b.count === 0 || !b.xml) throw new NotFoundError("directDebitBatch");
  const debtors = await prisma.directDebitMandate.findMany({ where: { collections: { some: { batchId: b.id } } }, select: { affiliateId: true } });
  await logStaffReads(viewer, [...new Set(debtors.map((d) => d.affiliateId))].map((affiliateId) => ({
    affiliateId, action: "direct-debit-file.download" as const, entity: "DirectDebitBatch", entityId: b.id, reason: "mandate",
  })));
  return { fileName: b.fileName, content: new TextEncoder().encode(b.xml), mimeType: "application/xml; charset=utf-8" };
}
