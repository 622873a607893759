import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { daysLeft, deadlineBadge } from "@/lib/domain/request-deadlines";
import { Prisma } from "@/lib/generated/prisma/client";
import { dossierSelect, claimIdentity } from "@/lib/dal/internal/benefits";
import { type ClaimListRow } from "@/lib/dto/benefits";
import { LIST_PAGE_SIZE, pageWindow, type Paged } from "@/lib/dto/paging";

type ClaimFilters = { type?: string; status?: string };

/** Claims by payment deadline (the closest first); a claim still to decide shows its decision deadline. */
export async function listClaimsForStaff(viewer: Viewer | null, filters: ClaimFilters, today: string): Promise<ClaimListRow[]> {
  return (await listClaimsForStaffPage(viewer, filters, today, 1, 500)).items;
}

/**
 * One page of the claims, ordered by the database: the open ones (offered, claimed, granted) with a deadline first,
 * the closest first — the payment deadline, else the decision deadline of its request — then the settled ones by
 * that date; the id last, so that the order is total and the pages stable.
 */
export async function listClaimsForStaffPage(viewer: Viewer | null, filters: ClaimFilters, today: string, page: number, pageSize = LIST_PAGE_SIZE): Promise<Paged<ClaimListRow>> {
  assertPermission(viewer, "request:decide");
  const where = Prisma.sql`WHERE TRUE
    ${filters.type ? Prisma.sql`AND c.type = ${filters.type}::"BenefitType"` : Prisma.empty}
    ${filters.status ? Prisma.sql`AND c.status = ${filters.status}::"BenefitStatus"` : Prisma.empty}`;
  const [{ total }] = await prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "BenefitClaim" c ${where}`;
  const w = pageWindow(total, page, pageSize);
  const ids = await prisma.$queryRaw<{ id: string }[]>`
    SELECT c.id FROM "BenefitClaim" c LEFT JOIN "Request" r ON r.id = c."requestId" ${where}
    ORDER BY CASE WHEN c.status IN ('OFFERED', 'CLAIMED', 'GRANTED') AND COALESCE(c."paymentDueOn", r."decisionDueOn") IS NOT NULL THEN 0 ELSE 1 END,
      COALESCE(c."paymentDueOn", r."decisionDueOn") ASC NULLS FIRST, c.id COLLATE "C"
    LIMIT ${w.take} OFFSET ${w.skip}`;
  const claims = await prisma.benefitClaim.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    include: { affiliate: { select: dossierSelect }, request: { select: { reference: true, decisionDueOn: true } } },
  });
  const byId = new Map(claims.map((c) => [c.id, c]));
  const items = ids.flatMap(({ id }): ClaimListRow[] => {
    const c = byId.get(id);
    if (!c) return [];
    const open = c.status === "GRANTED" || c.status === "CLAIMED" || c.status === "OFFERED";
    const paymentDue = c.paymentDueOn ? isoDate(c.paymentDueOn) : null;
    const decisionDue = c.request?.decisionDueOn ? isoDate(c.request.decisionDueOn) : null;
    const dueOn = paymentDue ?? decisionDue;
    const deadline = paymentDue ? "payment" : decisionDue ? "decision" : null;
    return [{
      ...claimIdentity(c),
      reference: c.request?.reference ?? null,
      dueOn,
      deadline,
      daysLeft: dueOn && open ? daysLeft(dueOn, today) : null,
      badge: dueOn && open ? deadlineBadge({ dueOn, today, paused: false }) : null,
    }];
  });
  return { items, total, page: w.page, pageSize };
}
