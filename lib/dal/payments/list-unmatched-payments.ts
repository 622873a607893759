import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { type UnmatchedPayment } from "@/lib/dto/payments";
import { LIST_PAGE_SIZE, pageWindow, type Paged } from "@/lib/dto/paging";
import { iso } from "@/lib/dal/internal/payments";

type Search = { q?: string; amountCents?: number | null };

function unmatchedWhere(search: Search) {
  const q = (search.q ?? "").trim();
  const iban = q.replace(/\s+/g, "").toUpperCase();
  return {
    status: "UNMATCHED" as const,
    ...(search.amountCents != null ? { amountCents: search.amountCents } : {}),
    ...(q ? { OR: [{ counterpartyName: { contains: q, mode: "insensitive" as const } }, { counterpartyIban: { contains: iban, mode: "insensitive" as const } }, { communication: { contains: q, mode: "insensitive" as const } }] } : {}),
  };
}

const ORDER = [{ valueOn: "asc" as const }, { id: "asc" as const }];

function toUnmatched(p: { id: string; amountCents: number; valueOn: Date; counterpartyName: string | null; counterpartyIban: string | null; communication: string | null; source: UnmatchedPayment["source"] }): UnmatchedPayment {
  return { id: p.id, amountCents: p.amountCents, valueOn: iso(p.valueOn), counterpartyName: p.counterpartyName, counterpartyIban: p.counterpartyIban, communication: p.communication, source: p.source };
}

export async function listUnmatchedPayments(viewer: Viewer | null, search: Search = {}): Promise<UnmatchedPayment[]> {
  assertPermission(viewer, "payment:reconcile");
  const rows = await prisma.payment.findMany({ where: unmatchedWhere(search), orderBy: ORDER, take: 200 });
  return rows.map(toUnmatched);
}

/** One page of the unmatched payments, the oldest value date first (counted and cut by the database). */
export async function listUnmatchedPaymentsPage(viewer: Viewer | null, search: Search, page: number, pageSize = LIST_PAGE_SIZE): Promise<Paged<UnmatchedPayment>> {
  assertPermission(viewer, "payment:reconcile");
  const where = unmatchedWhere(search);
  const total = await prisma.payment.count({ where });
  const w = pageWindow(total, page, pageSize);
  const rows = await prisma.payment.findMany({ where, orderBy: ORDER, skip: w.skip, take: w.take });
  return { items: rows.map(toUnmatched), total, page: w.page, pageSize };
}
