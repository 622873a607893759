import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate, isoDate } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { clientSelect, displayName, liveOn, mandateSelect, mandateView } from "@/lib/dal/internal/accountant-mandates";
import type { AccountantMandateView, PortfolioClient, PortfolioFilter } from "@/lib/dto/accountants";

const WAITING = ["SUBMITTED", "IN_REVIEW", "INFORMATION_REQUESTED", "AWAITING_SECOND_APPROVAL", "FORWARDED"] as const;
const DUE_SOON_DAYS = 14;

/**
 * The accountant's clients under a mandate live today, each with what matters this week: what is owed and overdue
 * (the one definition, the "LedgerOwed" view), the next due date, the requests open at the fund and those waiting for
 * the client's answer — one query per figure over the portfolio's dossiers, each bounded by those dossiers.
 * Also the mandates asked and not answered yet. Filtered by what needs attention.
 */
export async function listMyPortfolio(
  viewer: Viewer | null,
  today: string,
  filter: PortfolioFilter = "all",
): Promise<{ clients: PortfolioClient[]; asked: AccountantMandateView[] }> {
  assertPermission(viewer, "portfolio:read");
  const mandates = await prisma.accountantMandate.findMany({
    where: { accountantId: viewer.userId, ...liveOn(today) },
    select: { affiliateId: true, canFileRequests: true, receivesNotices: true, validFrom: true, validUntil: true, affiliate: { select: { memberNumber: true, ...clientSelect } } },
  });
  const asked = await prisma.accountantMandate.findMany({ where: { accountantId: viewer.userId, status: "REQUESTED" }, select: mandateSelect, orderBy: { createdAt: "desc" } });
  const ids = mandates.map((m) => m.affiliateId);
  const [owed, requests] = ids.length
    ? await Promise.all([
        prisma.$queryRaw<{ affiliateId: string; owed: bigint; overdue: bigint; nextDue: Date | null }[]>`
          SELECT o."affiliateId",
                 coalesce(sum(o."owedCents"), 0)::bigint AS owed,
                 coalesce(sum(o."owedCents") FILTER (WHERE coalesce(c."dueOn", o."bookedOn") < ${today}::date), 0)::bigint AS overdue,
                 min(c."dueOn") FILTER (WHERE c."dueOn" >= ${today}::date AND o."owedCents" > 0) AS "nextDue"
          FROM "LedgerOwed" o LEFT JOIN "ContributionCall" c ON c.id = o."callId"
          WHERE o."affiliateId" = ANY(${ids}::text[])
          GROUP BY o."affiliateId"`,
        prisma.request.groupBy({ by: ["affiliateId", "status"], where: { affiliateId: { in: ids }, status: { in: [...WAITING] } }, _count: { _all: true } }),
      ])
    : [[], []];
  const owedBy = new Map(owed.map((r) => [r.affiliateId, r]));
  const clients: PortfolioClient[] = mandates.map((m) => {
    const o = owedBy.get(m.affiliateId);
    const mine = requests.filter((r) => r.affiliateId === m.affiliateId);
    return {
      affiliateId: m.affiliateId,
      name: displayName(m.affiliate),
      memberNumber: m.affiliate.memberNumber,
      canFileRequests: m.canFileRequests,
      receivesNotices: m.receivesNotices,
      validFrom: isoDate(m.validFrom),
      validUntil: m.validUntil ? isoDate(m.validUntil) : null,
      owedCents: Math.max(0, Number(o?.owed ?? 0)),
      overdueCents: Math.max(0, Number(o?.overdue ?? 0)),
      nextDueOn: o?.nextDue ? isoDate(o.nextDue) : null,
      openRequests: mine.reduce((n, r) => n + r._count._all, 0),
      waitingForClient: mine.filter((r) => r.status === "INFORMATION_REQUESTED").reduce((n, r) => n + r._count._all, 0),
    };
  });
  const soon = dbDate(today).getTime() + DUE_SOON_DAYS * 86_400_000;
  const keep = (c: PortfolioClient) =>
    filter === "overdue" ? c.overdueCents > 0 : filter === "dueSoon" ? !!c.nextDueOn && dbDate(c.nextDueOn).getTime() <= soon : filter === "waiting" ? c.waitingForClient > 0 : true;
  return {
    clients: clients.filter(keep).sort((a, b) => b.overdueCents - a.overdueCents || a.name.localeCompare(b.name) || a.affiliateId.localeCompare(b.affiliateId)),
    asked: asked.map((m) => mandateView(m, today)),
  };
}
