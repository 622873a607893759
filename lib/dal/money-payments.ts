import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, NotFoundError, type Viewer } from "@/lib/auth/viewer";
import { allocateToAffiliate } from "@/lib/jobs/allocation";

// The UNMATCHED payments queue (permission payment:reconcile): search by name, IBAN or amount; match by hand to
// an open call of a dossier (allocated by the same code as the CODA import) or send back to the payer
// (RETURNED, with a reason). Every action is written to the AuditLog in the same transaction.

export type UnmatchedPayment = {
  id: string;
  amountCents: number;
  valueOn: string;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  communication: string | null;
  source: string;
};

/** UNMATCHED: waiting for an advisor; MATCHED or RETURNED: already handled (the page says so, without the forms) */
export type PaymentToReconcile = UnmatchedPayment & { status: "UNMATCHED" | "MATCHED" | "RETURNED" };

const iso = (d: Date) => d.toISOString().slice(0, 10);

export async function listUnmatchedPayments(viewer: Viewer | null, search: { q?: string; amountCents?: number | null } = {}): Promise<UnmatchedPayment[]> {
  assertPermission(viewer, "payment:reconcile");
  const q = (search.q ?? "").trim();
  const iban = q.replace(/\s+/g, "").toUpperCase();
  const rows = await prisma.payment.findMany({
    where: {
      status: "UNMATCHED",
      ...(search.amountCents != null ? { amountCents: search.amountCents } : {}),
      ...(q ? { OR: [{ counterpartyName: { contains: q, mode: "insensitive" as const } }, { counterpartyIban: { contains: iban, mode: "insensitive" as const } }, { communication: { contains: q, mode: "insensitive" as const } }] } : {}),
    },
    orderBy: [{ valueOn: "asc" }, { id: "asc" }],
    take: 200,
  });
  return rows.map((p) => ({ id: p.id, amountCents: p.amountCents, valueOn: iso(p.valueOn), counterpartyName: p.counterpartyName, counterpartyIban: p.counterpartyIban, communication: p.communication, source: p.source }));
}

/** A payment of the reconciliation queue, waiting or already handled (an advisor who has just matched it, or who
 *  follows an old link, sees that it was handled rather than a "not found"). */
export async function getPaymentToReconcile(viewer: Viewer | null, paymentId: string): Promise<PaymentToReconcile> {
  assertPermission(viewer, "payment:reconcile");
  const p = await prisma.payment.findUnique({ where: { id: paymentId } });
  if (!p) throw new NotFoundError("payment");
  return { id: p.id, status: p.status, amountCents: p.amountCents, valueOn: iso(p.valueOn), counterpartyName: p.counterpartyName, counterpartyIban: p.counterpartyIban, communication: p.communication, source: p.source };
}

export type DossierOpenCalls = {
  affiliateId: string;
  memberNumber: string;
  name: string;
  calls: { id: string; kind: string; year: number; quarter: number; dueOn: string; totalCents: number; openCents: number; structuredCommunication: string }[];
};

/** Dossiers whose member number or holder's name matches, with their open calls (at most 10 dossiers). */
export async function findDossiersWithOpenCalls(viewer: Viewer | null, query: string): Promise<DossierOpenCalls[]> {
  assertPermission(viewer, "payment:reconcile");
  const q = query.trim();
  if (q.length < 2) return [];
  const affiliates = await prisma.affiliate.findMany({
    where: {
      OR: [
        { memberNumber: q },
        { person: { OR: [{ lastName: { contains: q, mode: "insensitive" } }, { firstName: { contains: q, mode: "insensitive" } }] } },
        { company: { name: { contains: q, mode: "insensitive" } } },
      ],
    },
    include: { person: true, company: true },
    orderBy: { memberNumber: "asc" },
    take: 10,
  });
  if (affiliates.length === 0) return [];
  const open = await prisma.$queryRawUnsafe<{ callId: string; open: number }[]>(
    `SELECT "callId", sum("owedCents")::int AS open FROM "LedgerOwed"
     WHERE "affiliateId" = ANY($1::text[]) AND "callId" IS NOT NULL
     GROUP BY "callId"`,
    affiliates.map((a) => a.id),
  );
  const openBy = new Map(open.filter((o) => o.open > 0).map((o) => [o.callId, o.open]));
  const calls = await prisma.contributionCall.findMany({ where: { id: { in: [...openBy.keys()] } }, orderBy: [{ dueOn: "asc" }] });
  return affiliates.map((a) => ({
    affiliateId: a.id,
    memberNumber: a.memberNumber,
    name: a.person ? `${a.person.firstName} ${a.person.lastName}` : (a.company?.name ?? a.memberNumber),
    calls: calls.filter((c) => c.affiliateId === a.id).map((c) => ({
      id: c.id, kind: c.kind, year: c.year, quarter: c.quarter, dueOn: iso(c.dueOn), totalCents: c.totalCents, openCents: openBy.get(c.id) ?? 0, structuredCommunication: c.structuredCommunication,
    })),
  }));
}

/** Matches an UNMATCHED payment to a dossier's call: the payment gets its dossier, a PAYMENT ledger entry and the
 *  domain's allocation (preferring that call), exactly as a matched CODA credit. */
export async function matchPayment(viewer: Viewer | null, input: { paymentId: string; callId: string }): Promise<{ allocatedCents: number; unallocatedCents: number }> {
  assertPermission(viewer, "payment:reconcile");
  return prisma.$transaction(async (tx) => {
    const call = await tx.contributionCall.findUnique({ where: { id: input.callId } });
    if (!call) throw new NotFoundError("call");
    // the status guard makes two staff members matching the same payment at once harmless
    const claimed = await tx.payment.updateMany({ where: { id: input.paymentId, status: "UNMATCHED" }, data: { status: "MATCHED", affiliateId: call.affiliateId } });
    if (claimed.count !== 1) throw new NotFoundError("payment");
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: input.paymentId } });
    const result = await allocateToAffiliate(tx, { paymentId: payment.id, affiliateId: call.affiliateId, amountCents: payment.amountCents, valueOn: iso(payment.valueOn), callId: call.id, createdById: viewer.userId });
    await tx.auditLog.create({
      data: { actorId: viewer.userId, action: "payment.match", entity: "Payment", entityId: payment.id, details: { callId: call.id, affiliateId: call.affiliateId, amountCents: payment.amountCents, ...result } },
    });
    return result;
  });
}

/** Sends an UNMATCHED payment back to the payer: RETURNED, with the reason in the audit trail. */
export async function returnPayment(viewer: Viewer | null, input: { paymentId: string; reason: string }): Promise<void> {
  assertPermission(viewer, "payment:reconcile");
  await prisma.$transaction(async (tx) => {
    const updated = await tx.payment.updateMany({ where: { id: input.paymentId, status: "UNMATCHED" }, data: { status: "RETURNED" } });
    if (updated.count !== 1) throw new NotFoundError("payment");
    const p = await tx.payment.findUniqueOrThrow({ where: { id: input.paymentId } });
    await tx.auditLog.create({
      data: { actorId: viewer.userId, action: "payment.return", entity: "Payment", entityId: p.id, reason: input.reason, details: { amountCents: p.amountCents, counterpartyIban: p.counterpartyIban } },
    });
  });
}
