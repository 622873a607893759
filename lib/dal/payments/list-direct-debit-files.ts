import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { type DirectDebitFile } from "@/lib/dto/mandates";

/** The pain.008 files the direct-debit runs wrote, newest first, with how many of their collections the bank
 *  has paid or returned so far (figures only: the file itself is downloaded through getDirectDebitFile). */
export async function listDirectDebitFiles(viewer: Viewer | null, limit = 30): Promise<DirectDebitFile[]> {
  assertPermission(viewer, "mandate:manage");
  const batches = await prisma.directDebitBatch.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(100, Math.max(1, limit)),
    select: { id: true, collectOn: true, createdAt: true, count: true, totalCents: true },
  });
  const byStatus = await prisma.directDebitCollection.groupBy({ by: ["batchId", "status"], where: { batchId: { in: batches.map((b) => b.id) } }, _count: { _all: true } });
  const count = (batchId: string, status: string) => byStatus.find((g) => g.batchId === batchId && g.status === status)?._count._all ?? 0;
  return batches.map((b) => ({
    id: b.id, collectOn: isoDate(b.collectOn), createdAt: b.createdAt.toISOString(), count: b.count, totalCents: Number(b.totalCents),
    collected: count(b.id, "COLLECTED"), rejected: count(b.id, "REJECTED"),
  }));
}
