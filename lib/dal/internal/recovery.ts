import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError, refused } from "@/lib/errors";

export function nameOf(a: { person: { firstName: string; lastName: string } | null; company: { name: string } | null }) {
  return a.person ? `${a.person.lastName}, ${a.person.firstName}` : (a.company?.name ?? "");
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
