import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate, isoDate } from "@/lib/clock";
import { NotFoundError, ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { isValidBelgianIban, normalizeIban } from "@/lib/domain";
import { loadCall, outstandingByCall, type CallDetail } from "@/lib/dal/affiliate";
import type { LedgerKind, MandateStatus } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";

// Affiliate self-service reads and writes about money: a call explained line by line (payments and how they were
// allocated, surcharges, regularisation), the pay page and the direct-debit mandate request.
// Every function takes the viewer first; the dossier is always the caller's own (ownAffiliateId).

export type AllocationLine = { targetEntryId: string; targetKind: LedgerKind; reasonCode: string; reasonParams: Record<string, string | number>; amountCents: number };
export type PaymentReceived = {
  entryId: string;
  valueOn: string;
  bookedOn: string;
  amountCents: number; // positive: the amount received
  /** only the part of this payment that went to this call */
  allocatedToCallCents: number;
  allocations: AllocationLine[];
};
export type RegularisationStatus =
  | { kind: "not-applicable" }
  | { kind: "pending"; year: number }
  | { kind: "regularised"; year: number; callId: string; totalCents: number };

export type CallStatement = CallDetail & {
  payments: PaymentReceived[];
  surcharges: { id: string; bookedOn: string; amountCents: number; reasonCode: string; reasonParams: Record<string, string | number> }[];
  regularisation: RegularisationStatus;
};

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

// ───────────────────────────── pay page ─────────────────────────────

export type FundPaymentDetails = { name: string; iban: string; bic: string; creditorId: string };
export type OpenCallToPay = { id: string; kind: CallDetail["kind"]; year: number; quarter: number; dueOn: string; outstandingCents: number; structuredCommunication: string };
export type MandateView = { id: string; reference: string; iban: string; status: MandateStatus; signedOn: string };

export async function fundPaymentDetails(): Promise<FundPaymentDetails> {
  const fund = await prisma.fund.findUnique({ where: { id: 1 }, select: { name: true, iban: true, bic: true, creditorId: true } });
  if (!fund) throw new NotFoundError("fund");
  return fund;
}

/** Everything the caller can pay now: each open call with the fund's account and the call's own communication. */
export async function getMyPaymentInstructions(viewer: Viewer | null): Promise<{ fund: FundPaymentDetails; calls: OpenCallToPay[]; mandates: MandateView[] }> {
  const affiliateId = ownAffiliateId(viewer);
  const [fund, calls, outstanding, mandates] = await Promise.all([
    fundPaymentDetails(),
    prisma.contributionCall.findMany({
      where: { affiliateId },
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
      select: { id: true, kind: true, year: true, quarter: true, dueOn: true, structuredCommunication: true },
    }),
    outstandingByCall(affiliateId),
    listMandates(affiliateId),
  ]);
  const open = calls
    .map((c) => ({ ...c, dueOn: isoDate(c.dueOn), outstandingCents: outstanding.get(c.id) ?? 0 }))
    .filter((c) => c.outstandingCents > 0);
  return { fund, calls: open, mandates };
}

async function listMandates(affiliateId: string): Promise<MandateView[]> {
  const rows = await prisma.directDebitMandate.findMany({ where: { affiliateId }, orderBy: { createdAt: "desc" } });
  return rows.map((m) => ({ id: m.id, reference: m.reference, iban: m.iban, status: m.status, signedOn: isoDate(m.signedOn) }));
}

export type MandateRequestResult = { ok: true; mandate: MandateView } | { ok: false; code: "invalidIban" | "alreadyRequested" };

/** Records a PENDING direct-debit mandate on a valid Belgian IBAN, with a unique reference; one open mandate at a time. */
export async function requestDirectDebitMandate(viewer: Viewer | null, today: string, input: { iban: string }): Promise<MandateRequestResult> {
  const affiliateId = ownAffiliateId(viewer);
  if (!isValidBelgianIban(input.iban)) return { ok: false, code: "invalidIban" };
  const iban = normalizeIban(input.iban);
  const affiliate = await prisma.affiliate.findUnique({ where: { id: affiliateId }, select: { memberNumber: true } });
  if (!affiliate) throw new NotFoundError("affiliate");
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const created = await prisma.$transaction(
        async (tx) => {
          const open = await tx.directDebitMandate.count({ where: { affiliateId, status: { in: ["PENDING", "ACTIVE"] } } });
          if (open > 0) return null;
          const count = await tx.directDebitMandate.count({ where: { affiliateId } });
          const reference = `MDT-${affiliate.memberNumber}-${String(count + 1 + attempt).padStart(3, "0")}`;
          const m = await tx.directDebitMandate.create({
            data: { affiliateId, reference, iban, signedOn: dbDate(today), status: "PENDING" },
          });
          await tx.auditLog.create({
            data: { actorId: viewer!.userId, action: "mandate.request", entity: "DirectDebitMandate", entityId: m.id, details: { reference } },
          });
          return m;
        },
        { isolationLevel: "Serializable" },
      );
      if (!created) return { ok: false, code: "alreadyRequested" };
      return { ok: true, mandate: { id: created.id, reference: created.reference, iban: created.iban, status: created.status, signedOn: isoDate(created.signedOn) } };
    } catch (error) {
      if (isRetryable(error)) continue;
      throw error;
    }
  }
  throw new Error("mandate reference: too many collisions");
}

export function isRetryable(error: unknown): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2002" || error.code === "P2034")
  );
}
