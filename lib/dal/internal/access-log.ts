// The access log: every time a staff member reads a person's data (the dossier, a request, a benefit claim, a
// recovery case, a call notice, a letter, evidence, or the person's row in a list of search results), one audit-log
// row says who, when, what and for which affiliate. The affiliate reads them all on "who consulted my file".
import { isStaff } from "@/lib/auth/permissions";
import { type Viewer } from "@/lib/auth/viewer";
import { prisma } from "@/lib/db/client";
import { STAFF_READS, type StaffRead } from "@/lib/dto/account";

export type StaffReadRecord = {
  affiliateId: string | null | undefined;
  action: StaffRead;
  entity: string;
  entityId: string;
  /** Why the record was opened: the reason given for a dossier, or the work the page belongs to. */
  reason?: string | null;
  /** Words the affiliate's view needs (a request's reference, a file name); never amounts or identifiers. */
  details?: Record<string, string>;
};

/** Logs staff reads; an affiliate reading their own file is not a consultation, and a record of nobody is skipped. */
export async function logStaffReads(viewer: Viewer, reads: readonly StaffReadRecord[]): Promise<void> {
  if (!isStaff(viewer.role)) return;
  const data = reads
    .filter((r): r is StaffReadRecord & { affiliateId: string } => !!r.affiliateId)
    .map((r) => ({
      actorId: viewer.userId,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      affiliateId: r.affiliateId,
      reason: r.reason ?? null,
      details: r.details ?? {},
    }));
  if (data.length > 0) await prisma.auditLog.createMany({ data });
}

export const logStaffRead = (viewer: Viewer, read: StaffReadRecord) => logStaffReads(viewer, [read]);

/** The reads of one affiliate's data, newest first. */
export async function staffReadsOf(affiliateId: string, limit: number) {
  const rows = await prisma.auditLog.findMany({
    where: { affiliateId, action: { in: [...STAFF_READS] } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: { at: true, action: true, reason: true, details: true, actor: { select: { name: true } } },
  });
  return rows.map((r) => ({
    at: r.at.toISOString(),
    staffName: r.actor?.name ?? "—",
    what: r.action as StaffRead,
    reason: r.reason,
    details: (r.details ?? {}) as Record<string, string>,
  }));
}
