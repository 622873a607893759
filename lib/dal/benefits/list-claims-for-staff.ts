import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { daysLeft, deadlineBadge } from "@/lib/domain/request-deadlines";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dossierSelect, claimIdentity } from "@/lib/dal/internal/benefits";
import { type ClaimListRow } from "@/lib/dto/benefits";

/** Claims by payment deadline (the closest first); a claim still to decide shows its decision deadline. */
export async function listClaimsForStaff(viewer: Viewer | null, filters: { type?: string; status?: string }, today: string): Promise<ClaimListRow[]> {
  assertPermission(viewer, "request:decide");
  const where: Prisma.BenefitClaimWhereInput = {};
  if (filters.type) where.type = filters.type as ClaimListRow["type"];
  if (filters.status) where.status = filters.status as Prisma.EnumBenefitStatusFilter["equals"];
  const claims = await prisma.benefitClaim.findMany({
    where,
    include: { affiliate: { select: dossierSelect }, request: { select: { reference: true, decisionDueOn: true } } },
    orderBy: [{ paymentDueOn: "asc" }, { createdAt: "asc" }],
    take: 500,
  });
  const rows = claims.map((c): ClaimListRow => {
    const open = c.status === "GRANTED" || c.status === "CLAIMED" || c.status === "OFFERED";
    const paymentDue = c.paymentDueOn ? isoDate(c.paymentDueOn) : null;
    const decisionDue = c.request?.decisionDueOn ? isoDate(c.request.decisionDueOn) : null;
    const dueOn = paymentDue ?? decisionDue;
    const deadline = paymentDue ? "payment" : decisionDue ? "decision" : null;
    return {
      ...claimIdentity(c),
      reference: c.request?.reference ?? null,
      dueOn,
      deadline,
      daysLeft: dueOn && open ? daysLeft(dueOn, today) : null,
      badge: dueOn && open ? deadlineBadge({ dueOn, today, paused: false }) : null,
    };
  });
  // open claims by deadline first, then the settled ones
  return rows.sort((a, b) => (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity) || (a.dueOn ?? "").localeCompare(b.dueOn ?? "") || a.id.localeCompare(b.id));
}
