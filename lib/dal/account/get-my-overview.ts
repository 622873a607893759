import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { type CallSummary, type AffiliateOverview } from "@/lib/dto/account";
import { accountPosition, outstandingByCall } from "@/lib/dal/internal/owed";
import { refundsOf } from "@/lib/dal/internal/refund-set-off";
import { currentCategory } from "@/lib/dal/internal/dossier";

export async function getMyOverview(viewer: Viewer | null, today: string): Promise<AffiliateOverview> {
  const affiliateId = ownAffiliateId(viewer);
  const affiliate = await prisma.affiliate.findUnique({
    where: { id: affiliateId },
    select: {
      memberNumber: true,
      kind: true,
      person: { select: { firstName: true, lastName: true } },
      company: { select: { name: true } },
      advisor: { select: { name: true } },
    },
  });
  if (!affiliate) throw new NotFoundError("affiliate");
  const [position, refunds, calls, outstanding, category] = await Promise.all([
    accountPosition(affiliateId, today),
    refundsOf(prisma, affiliateId),
    prisma.contributionCall.findMany({
      where: { affiliateId },
      orderBy: [{ year: "desc" }, { quarter: "desc" }, { kind: "asc" }],
      select: { id: true, kind: true, year: true, quarter: true, dueOn: true, totalCents: true, structuredCommunication: true },
    }),
    outstandingByCall(affiliateId),
    currentCategory(affiliateId, today),
  ]);
  const summaries: CallSummary[] = calls.map((c) => ({
    ...c,
    dueOn: isoDate(c.dueOn),
    outstandingCents: outstanding.get(c.id) ?? 0,
  }));
  const open = summaries.filter((c) => c.outstandingCents > 0);
  const upcoming = open.filter((c) => c.dueOn >= today).sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  return {
    memberNumber: affiliate.memberNumber,
    kind: affiliate.kind,
    displayName: affiliate.person ? `${affiliate.person.firstName} ${affiliate.person.lastName}` : (affiliate.company?.name ?? ""),
    category,
    advisorName: affiliate.advisor?.name ?? null,
    // one account story: owed, of which overdue, in the affiliate's favour, and the balance they add up to
    ...position,
    refunds,
    nextDue: upcoming ? { dueOn: upcoming.dueOn, amountCents: upcoming.outstandingCents } : null,
    calls: summaries,
  };
}
