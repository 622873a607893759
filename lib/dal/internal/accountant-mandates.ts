// Accountants' mandates, the plumbing shared by their use cases: who receives copies of the notices, and the rows the
// screens show (which mandate is live on a day, and the accountant's viewer: lib/auth/acting.ts). No "server-only":
// notify.ts, also run by the batch jobs, reads who receives copies of the notices.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { isoDate, todayInBrussels } from "@/lib/clock";
import { clientSelect, displayName, liveOn } from "@/lib/auth/acting";
import type { AccountantMandateView } from "@/lib/dto/accountants";

type Db = Prisma.TransactionClient | PrismaClient;

export { clientSelect, displayName, liveMandateOf, liveOn } from "@/lib/auth/acting";

/** The accountants who receive copies of these affiliates' notices today: affiliateId → their addresses and languages. */
export async function noticeCopiesFor(db: Db, affiliateIds: readonly string[], today = todayInBrussels()) {
  if (affiliateIds.length === 0) return new Map<string, { accountantId: string; email: string; locale: string; name: string }[]>();
  const rows = await db.accountantMandate.findMany({
    where: { affiliateId: { in: [...affiliateIds] }, receivesNotices: true, ...liveOn(today), accountant: { disabledAt: null } },
    select: { affiliateId: true, accountant: { select: { id: true, email: true, locale: true, name: true } } },
  });
  const out = new Map<string, { accountantId: string; email: string; locale: string; name: string }[]>();
  for (const r of rows) {
    const list = out.get(r.affiliateId) ?? [];
    list.push({ accountantId: r.accountant.id, email: r.accountant.email, locale: r.accountant.locale, name: r.accountant.name });
    out.set(r.affiliateId, list);
  }
  return out;
}

export const mandateSelect = {
  id: true,
  status: true,
  canFileRequests: true,
  receivesNotices: true,
  validFrom: true,
  validUntil: true,
  askedByAccountant: true,
  createdAt: true,
  accountant: { select: { name: true, itaaNumber: true } },
  affiliate: { select: clientSelect },
} as const;

type MandateRow = Prisma.AccountantMandateGetPayload<{ select: typeof mandateSelect }>;

export function mandateView(m: MandateRow, today: string): AccountantMandateView {
  const from = isoDate(m.validFrom);
  const until = m.validUntil ? isoDate(m.validUntil) : null;
  const state = m.status !== "ACTIVE" ? m.status : from > today ? "UPCOMING" : until && until < today ? "ENDED" : "ACTIVE";
  return {
    id: m.id,
    state,
    accountantName: m.accountant.name,
    itaaNumber: m.accountant.itaaNumber ?? "",
    clientName: displayName(m.affiliate),
    canFileRequests: m.canFileRequests,
    receivesNotices: m.receivesNotices,
    validFrom: from,
    validUntil: until,
    askedByAccountant: m.askedByAccountant,
    createdAt: m.createdAt.toISOString(),
  };
}
