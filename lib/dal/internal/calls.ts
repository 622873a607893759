import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { NotFoundError } from "@/lib/errors";
import type { LedgerKind } from "@/lib/generated/prisma/enums";
import { outstandingByCall } from "@/lib/dal/internal/owed";
import { type LedgerLine, type CallDetail } from "@/lib/dto/account";
import { asBreakdownLines } from "@/lib/domain";

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
    breakdown: asBreakdownLines(call.breakdown),
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
