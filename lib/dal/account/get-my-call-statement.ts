import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { loadCall } from "@/lib/dal/internal/calls";
import { type PaymentReceived, type RegularisationStatus, type CallStatement } from "@/lib/dto/account";

/** A call of the caller's dossier with every payment that settled part of it and where each euro went. */
export async function getMyCallStatement(viewer: Viewer | null, callId: string): Promise<CallStatement> {
  const affiliateId = ownAffiliateId(viewer);
  const call = await loadCall(affiliateId, callId);
  const allocations = await prisma.paymentAllocation.findMany({
    where: { targetEntry: { callId, affiliateId } },
    select: { paymentEntryId: true },
  });
  const paymentEntryIds = [...new Set(allocations.map((a) => a.paymentEntryId))];
  const paymentEntries = await prisma.ledgerEntry.findMany({
    where: { id: { in: paymentEntryIds }, affiliateId },
    orderBy: [{ bookedOn: "asc" }, { id: "asc" }],
    include: {
      allocationsFrom: {
        orderBy: { id: "asc" },
        include: { targetEntry: { select: { id: true, kind: true, callId: true, reasonCode: true, reasonParams: true } } },
      },
    },
  });
  const payments: PaymentReceived[] = paymentEntries.map((p) => ({
    entryId: p.id.toString(),
    valueOn: isoDate(p.valueOn ?? p.bookedOn),
    bookedOn: isoDate(p.bookedOn),
    amountCents: -p.amountCents,
    kind: p.kind,
    reasonCode: p.reasonCode,
    reasonParams: (p.reasonParams ?? {}) as Record<string, string | number>,
    allocatedToCallCents: p.allocationsFrom.filter((a) => a.targetEntry.callId === callId).reduce((s, a) => s + a.amountCents, 0),
    allocations: p.allocationsFrom.map((a) => ({
      targetEntryId: a.targetEntry.id.toString(),
      targetKind: a.targetEntry.kind,
      reasonCode: a.targetEntry.reasonCode,
      reasonParams: (a.targetEntry.reasonParams ?? {}) as Record<string, string | number>,
      amountCents: a.amountCents,
    })),
  }));
  const surcharges = call.entries
    .filter((e) => e.kind === "SURCHARGE")
    .map((e) => ({ id: e.id, bookedOn: e.bookedOn, amountCents: e.amountCents, reasonCode: e.reasonCode, reasonParams: e.reasonParams }));
  let regularisation: RegularisationStatus = { kind: "not-applicable" };
  if (call.kind === "PROVISIONAL") {
    const reg = await prisma.contributionCall.findFirst({
      where: { affiliateId, kind: "REGULARISATION", year: call.year },
      select: { id: true, totalCents: true },
    });
    regularisation = reg ? { kind: "regularised", year: call.year, callId: reg.id, totalCents: reg.totalCents } : { kind: "pending", year: call.year };
  }
  return { ...call, payments, surcharges, regularisation };
}
