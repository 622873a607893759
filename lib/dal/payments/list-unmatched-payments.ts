import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { type UnmatchedPayment } from "@/lib/dto/payments";
import { iso } from "@/lib/dal/internal/payments";

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
