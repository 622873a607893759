import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError, refused } from "@/lib/errors";
import { isoDate } from "@/lib/clock";
import { prescription } from "@/lib/domain/prescription";
import type { DbRecoveryStep } from "@/lib/db/enums";
import type { RecoveryListItem } from "@/lib/dto/recovery";

export function nameOf(a: { person: { firstName: string; lastName: string } | null; company: { name: string } | null }) {
  return a.person ? `${a.person.lastName}, ${a.person.firstName}` : (a.company?.name ?? "");
}

/** A case as the recovery list shows it: dossier, step, debt and prescription as of today. */
export function toRecoveryListItem(
  c: { id: string; affiliateId: string; status: string; currentStep: DbRecoveryStep; debtCents: number; oldestDueOn: Date; affiliate: Parameters<typeof nameOf>[0] & { memberNumber: string } },
  today: string,
): RecoveryListItem {
  const p = prescription(isoDate(c.oldestDueOn), today);
  return {
    id: c.id,
    affiliateId: c.affiliateId,
    dossierName: nameOf(c.affiliate),
    memberNumber: c.affiliate.memberNumber,
    status: c.status,
    currentStep: c.currentStep,
    debtCents: c.debtCents,
    oldestDueOn: isoDate(c.oldestDueOn),
    prescribesOn: p.prescribesOn,
    prescription: p.state,
  };
}

export const who = { memberNumber: true, person: { select: { firstName: true, lastName: true } }, company: { select: { name: true } } } as const;

export async function planInForce(affiliateId: string): Promise<boolean> {
  return (await prisma.paymentPlan.count({ where: { affiliateId, status: "ACTIVE" } })) > 0;
}

/** The four-eyes write-off's common load and check: the staff member may manage recovery, the case exists, it is
 *  not closed or written off already. */
export async function openCaseForWriteOff(viewer: Viewer | null, caseId: string) {
  assertPermission(viewer, "recovery:manage");
  const c = await prisma.recoveryCase.findUnique({ where: { id: caseId } });
  if (!c) throw new NotFoundError("recovery");
  if (c.status === "CLOSED" || c.status === "WRITTEN_OFF") throw refused("recovery.closed");
  return { staff: viewer, c };
}
