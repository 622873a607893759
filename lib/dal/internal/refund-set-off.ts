// Books refunds (a regularisation in the affiliate's favour) with THE SET-OFF RULE (lib/domain/set-off-refund.ts):
// inside the caller's transaction, the dossiers' debits are locked (openItemsOf: a payment matched or imported at the
// same moment waits, or is waited for, and each reads what the other settled), the refund's credit entry is written
// with what it settles and what is left to pay out, its allocations to the overdue debits are recorded (the database
// refuses any allocation beyond a debit or the credit), and the affiliate is told by e-mail through the outbox, in the
// same transaction. No "server-only": the jobs run as plain Node scripts.
import type { Prisma } from "@/lib/generated/prisma/client";
import { setOffRefund } from "@/lib/domain/set-off-refund";
import { formatDate, formatMoney } from "@/lib/format";
import { serverTranslator } from "@/lib/i18n/translator";
import { openItemsOf, type LedgerOpenItem } from "./allocation";

type Tx = Prisma.TransactionClient;

export interface RefundToBook {
  affiliateId: string;
  year: number;
  refundCents: number;
  /** The ledger entry's unique key (a rerun never books it twice). */
  uniqueKey: string;
  reasonCode: string;
}

export interface BookedRefund extends RefundToBook {
  entryId: bigint;
  setOffCents: number;
  payoutCents: number;
}

/** Books the refunds of many dossiers as of `today`, each set off against what its dossier owes and is overdue. */
export async function bookRefunds(tx: Tx, refunds: readonly RefundToBook[], today: string): Promise<BookedRefund[]> {
  if (refunds.length === 0) return [];
  const items = await openItemsOf(tx, refunds.map((r) => r.affiliateId));
  const booked: BookedRefund[] = [];
  for (const r of refunds) {
    const open = items.get(r.affiliateId) ?? [];
    const result = setOffRefund({ id: r.uniqueKey, refundCents: r.refundCents, on: today }, open);
    const entry = await tx.ledgerEntry.create({
      data: {
        affiliateId: r.affiliateId, kind: "ADJUSTMENT", amountCents: -r.refundCents, bookedOn: new Date(`${today}T00:00:00Z`), reasonCode: r.reasonCode,
        reasonParams: { year: r.year, refundCents: r.refundCents, setOffCents: result.setOffCents, payoutCents: result.payoutCents }, uniqueKey: r.uniqueKey,
      },
    });
    const byId = new Map(open.map((i) => [i.id, i]));
    const settled = result.allocations.map((a) => ({ item: byId.get(a.itemId)!, amountCents: a.amountCents }));
    if (settled.length > 0) {
      await tx.paymentAllocation.createMany({ data: settled.map((s) => ({ paymentEntryId: entry.id, targetEntryId: s.item.entryId, amountCents: s.amountCents })) });
      for (const s of settled) s.item.openCents -= s.amountCents;
      await queueSetOffEmail(tx, { ...r, setOffCents: result.setOffCents, payoutCents: result.payoutCents }, settled, today);
    }
    booked.push({ ...r, entryId: entry.id, setOffCents: result.setOffCents, payoutCents: result.payoutCents });
  }
  return booked;
}

/** "Your refund first settled what you owed": the refund, each debt it settled in words and euros, what is paid out. */
async function queueSetOffEmail(
  tx: Tx,
  r: RefundToBook & { setOffCents: number; payoutCents: number },
  settled: { item: LedgerOpenItem; amountCents: number }[],
  today: string,
) {
  const affiliate = await tx.affiliate.findUnique({ where: { id: r.affiliateId }, select: { language: true, person: { select: { email: true } } } });
  const to = affiliate?.person?.email;
  if (!affiliate || !to) return;
  const locale = affiliate.language;
  const t = serverTranslator(locale, "ss_setoff");
  const tk = serverTranslator(locale, "callKind");
  const calls = await tx.contributionCall.findMany({
    where: { id: { in: [...new Set(settled.map((s) => s.item.callId).filter((id): id is string => id !== null))] } },
    select: { id: true, kind: true, year: true, quarter: true },
  });
  const lines = setOffLines(settled.map((s) => ({ callId: s.item.callId, surcharge: s.item.kind === "surcharge" || s.item.kind === "late-interest", amountCents: s.amountCents })), calls).map((l) => {
    const amount = formatMoney(locale, l.amountCents);
    if (!l.call) return `- ${t("lineOther", { amount })}`;
    const period = l.call.quarter > 0 ? t("quarter", { quarter: l.call.quarter, year: l.call.year }) : String(l.call.year);
    return `- ${l.surcharge ? t("lineSurcharge", { period, amount }) : t("lineCall", { kind: tk(l.call.kind), period, amount })}`;
  });
  const url = `${(process.env.NEXTAUTH_URL ?? "").replace(/\/$/, "")}/me`;
  const values = {
    year: r.year, refund: formatMoney(locale, r.refundCents), setOff: formatMoney(locale, r.setOffCents), payout: formatMoney(locale, r.payoutCents),
    on: formatDate(locale, today), lines: lines.join("\n"), url, hasPayout: r.payoutCents > 0 ? "yes" : "no",
  };
  await tx.outboundEmail.create({
    data: { to, subject: t("mailSubject", values), text: t("mailText", values), template: "refund.set-off", affiliateId: r.affiliateId, uniqueKey: `set-off:${r.uniqueKey}` },
  });
}

export type SetOffCall = { id: string; kind: string; year: number; quarter: number };
export type SetOffLine = { call: SetOffCall | null; surcharge: boolean; amountCents: number };

/** What a set-off settled, one line per call (its contribution and fee together, its surcharges apart), in the order
 *  settled. Shared by the e-mail and the account page, so both tell the same story. */
export function setOffLines(parts: readonly { callId: string | null; surcharge: boolean; amountCents: number }[], calls: readonly SetOffCall[]): SetOffLine[] {
  const byId = new Map(calls.map((c) => [c.id, c]));
  const lines = new Map<string, SetOffLine>();
  for (const p of parts) {
    const key = `${p.callId ?? "-"}:${p.surcharge}`;
    const line = lines.get(key) ?? { call: p.callId ? (byId.get(p.callId) ?? null) : null, surcharge: p.surcharge, amountCents: 0 };
    line.amountCents += p.amountCents;
    lines.set(key, line);
  }
  return [...lines.values()];
}

export type RefundStory = {
  year: number;
  bookedOn: string;
  refundCents: number;
  /** settled from the refund: what was owed and overdue, line by line */
  setOffCents: number;
  lines: SetOffLine[];
  /** paid out to the affiliate's bank account (last payout date), and what is still to be paid out */
  paidOutCents: number;
  paidOutOn: string | null;
  toPayOutCents: number;
};

const REFUND_REASONS = ["regularisation.refund", "regularisation.credit"];

/** Each regularisation refund of a dossier, newest first: what it settled (set-off), what was paid out, what is left. */
export async function refundsOf(db: Pick<Tx, "ledgerEntry" | "contributionCall">, affiliateId: string): Promise<RefundStory[]> {
  const [credits, payouts] = await Promise.all([
    db.ledgerEntry.findMany({
      where: { affiliateId, kind: "ADJUSTMENT", amountCents: { lt: 0 }, reasonCode: { in: REFUND_REASONS } },
      orderBy: [{ bookedOn: "desc" }, { id: "desc" }],
      include: { allocationsFrom: { orderBy: { id: "asc" }, include: { targetEntry: { select: { callId: true, kind: true } } } } },
    }),
    db.ledgerEntry.findMany({ where: { affiliateId, kind: "REFUND", reasonCode: { in: REFUND_REASONS } }, orderBy: { bookedOn: "asc" } }),
  ]);
  const callIds = [...new Set(credits.flatMap((c) => c.allocationsFrom.map((a) => a.targetEntry.callId)).filter((id): id is string => id !== null))];
  const calls = callIds.length > 0 ? await db.contributionCall.findMany({ where: { id: { in: callIds } }, select: { id: true, kind: true, year: true, quarter: true } }) : [];
  const yearOfEntry = (e: { reasonParams: unknown }) => Number((e.reasonParams as { year?: unknown } | null)?.year);
  return credits.map((c) => {
    const year = yearOfEntry(c);
    const refundCents = -c.amountCents;
    const setOffCents = c.allocationsFrom.reduce((s, a) => s + a.amountCents, 0);
    const mine = payouts.filter((p) => yearOfEntry(p) === year);
    const paidOutCents = mine.reduce((s, p) => s + p.amountCents, 0);
    return {
      year,
      bookedOn: c.bookedOn.toISOString().slice(0, 10),
      refundCents,
      setOffCents,
      lines: setOffLines(c.allocationsFrom.map((a) => ({ callId: a.targetEntry.callId, surcharge: a.targetEntry.kind === "SURCHARGE", amountCents: a.amountCents })), calls),
      paidOutCents,
      paidOutOn: mine.length > 0 ? mine[mine.length - 1].bookedOn.toISOString().slice(0, 10) : null,
      toPayOutCents: Math.max(0, refundCents - setOffCents - paidOutCents),
    };
  });
}
