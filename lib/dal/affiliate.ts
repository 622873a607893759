import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate, dbDate } from "@/lib/clock";
import { NotFoundError, ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import type { Category, CallKind, LedgerKind } from "@/lib/generated/prisma/enums";

// Affiliate-side reads. Every function takes the viewer, never an affiliate id: the dossier is the caller's own.

export type CallSummary = {
  id: string;
  kind: CallKind;
  year: number;
  quarter: number;
  dueOn: string;
  totalCents: number;
  outstandingCents: number;
  structuredCommunication: string;
};

export type AffiliateOverview = {
  memberNumber: string;
  displayName: string;
  kind: "PERSON" | "COMPANY";
  category: Category | null;
  advisorName: string | null;
  balanceCents: number;
  overdueCents: number;
  nextDue: { dueOn: string; amountCents: number } | null;
  calls: CallSummary[];
};

/** What is still owed per call of one dossier: the "LedgerOwed" view (the one definition, see its migration). */
export async function outstandingByCall(affiliateId: string): Promise<Map<string, number>> {
  const rows = await prisma.$queryRaw<{ callId: string; owed: bigint }[]>`
    SELECT "callId", sum("owedCents")::bigint AS owed FROM "LedgerOwed"
    WHERE "affiliateId" = ${affiliateId} AND "callId" IS NOT NULL
    GROUP BY "callId"`;
  return new Map(rows.map((r) => [r.callId, Number(r.owed)]));
}

export async function currentCategory(affiliateId: string, today: string): Promise<Category | null> {
  const period = await prisma.categoryPeriod.findFirst({
    where: {
      affiliation: { affiliateId, status: "ACTIVE" },
      fromOn: { lte: dbDate(today) },
      OR: [{ toOn: null }, { toOn: { gte: dbDate(today) } }],
    },
    orderBy: { fromOn: "desc" },
    select: { category: true },
  });
  return period?.category ?? null;
}

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
  const [balance, calls, outstanding, category] = await Promise.all([
    prisma.ledgerEntry.aggregate({ where: { affiliateId }, _sum: { amountCents: true } }),
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
  const overdueCents = open.filter((c) => c.dueOn < today).reduce((s, c) => s + c.outstandingCents, 0);
  const upcoming = open.filter((c) => c.dueOn >= today).sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  return {
    memberNumber: affiliate.memberNumber,
    kind: affiliate.kind,
    displayName: affiliate.person ? `${affiliate.person.firstName} ${affiliate.person.lastName}` : (affiliate.company?.name ?? ""),
    category,
    advisorName: affiliate.advisor?.name ?? null,
    balanceCents: balance._sum.amountCents ?? 0,
    overdueCents,
    nextDue: upcoming ? { dueOn: upcoming.dueOn, amountCents: upcoming.outstandingCents } : null,
    calls: summaries,
  };
}

export type LedgerLine = {
  id: string;
  kind: LedgerKind;
  bookedOn: string;
  valueOn: string | null;
  amountCents: number;
  reasonCode: string;
  reasonParams: Record<string, string | number>;
};

export type CallDetail = CallSummary & {
  category: Category | null;
  contributionCents: number;
  managementFeeCents: number;
  incomeBaseCents: number | null;
  incomeYear: number | null;
  issuedOn: string;
  breakdown: unknown;
  entries: LedgerLine[];
};

/** One call of the caller's dossier with its ledger lines; another dossier's call is a 404. */
export async function getMyCall(viewer: Viewer | null, callId: string): Promise<CallDetail> {
  const affiliateId = ownAffiliateId(viewer);
  return loadCall(affiliateId, callId);
}

export async function loadCall(affiliateId: string, callId: string): Promise<CallDetail> {
  const call = await prisma.contributionCall.findFirst({
    where: { id: callId, affiliateId },
    include: { ledger: { orderBy: { id: "asc" } } },
  });
  if (!call) throw new NotFoundError("call");
  const outstanding = (await outstandingByCall(affiliateId)).get(call.id) ?? 0;
  return {
    id: call.id,
    kind: call.kind,
    year: call.year,
    quarter: call.quarter,
    category: call.category,
    dueOn: isoDate(call.dueOn),
    issuedOn: isoDate(call.issuedOn),
    totalCents: call.totalCents,
    contributionCents: call.contributionCents,
    managementFeeCents: call.managementFeeCents,
    incomeBaseCents: call.incomeBaseCents === null ? null : Number(call.incomeBaseCents),
    incomeYear: call.incomeYear,
    structuredCommunication: call.structuredCommunication,
    outstandingCents: outstanding,
    breakdown: call.breakdown,
    entries: call.ledger.map(toLedgerLine),
  };
}

export function toLedgerLine(e: {
  id: bigint;
  kind: LedgerKind;
  bookedOn: Date;
  valueOn: Date | null;
  amountCents: number;
  reasonCode: string;
  reasonParams: unknown;
}): LedgerLine {
  return {
    id: e.id.toString(),
    kind: e.kind,
    bookedOn: isoDate(e.bookedOn),
    valueOn: e.valueOn ? isoDate(e.valueOn) : null,
    amountCents: e.amountCents,
    reasonCode: e.reasonCode,
    reasonParams: (e.reasonParams ?? {}) as Record<string, string | number>,
  };
}
