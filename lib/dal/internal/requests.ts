import "server-only";
import { prisma } from "@/lib/db/client";
import { isoDate } from "@/lib/clock";
import { addMonths, historyRefusals, type PaymentPlanRefusal } from "@/lib/domain";
import { type DbRequestType } from "@/lib/db/enums";
import { planOutsidePolicy, type PlanTerms } from "@/lib/domain/approved-plan-schedule";
import { planHistory } from "@/lib/dal/internal/payment-plans";
import { refused } from "@/lib/errors";

export function dossierName(a: { person: { firstName: string; lastName: string } | null; company: { name: string } | null }): string {
  return a.person ? `${a.person.lastName}, ${a.person.firstName}` : (a.company?.name ?? "");
}

/** The applicant of an affiliation request (no dossier yet). */
export function applicantName(payload: unknown): string {
  const p = (payload ?? {}) as { firstName?: string; lastName?: string };
  return p.lastName ? `${p.lastName}, ${p.firstName ?? ""}` : "";
}

export const dossierSelect = {
  memberNumber: true,
  person: { select: { firstName: true, lastName: true } },
  company: { select: { name: true } },
  advisor: { select: { id: true, name: true } },
} as const;

export async function assertAssignable(userId: string) {
  const u = await prisma.user.findUnique({ where: { id: userId }, select: { role: true, disabledAt: true } });
  if (!u || u.role !== "ADVISOR" || u.disabledAt) throw refused("assigneeNotAdvisor");
}

/** The debt a payment-plan request is about: the amount stated in the request, else the dossier's balance. */
export async function planTerms(r: { type: DbRequestType; payload: unknown; affiliateId: string | null; filedOn: Date }): Promise<PlanTerms | null> {
  if (r.type !== "PAYMENT_PLAN" || !r.affiliateId) return null;
  const p = (r.payload ?? {}) as { debtCents?: number; advanceCents?: number; months?: number };
  let debtCents = typeof p.debtCents === "number" ? p.debtCents : null;
  if (debtCents === null) {
    const b = await prisma.ledgerEntry.aggregate({ where: { affiliateId: r.affiliateId }, _sum: { amountCents: true } });
    debtCents = Math.max(0, b._sum.amountCents ?? 0);
  }
  const filedOn = isoDate(r.filedOn);
  return { debtCents, advanceCents: p.advanceCents ?? 0, months: p.months ?? 1, firstInstalmentOn: addMonths(filedOn, 1) };
}

/** Why a payment plan lies outside the fund's policy: the debtor's history (judicial recovery, a plan in force, two
 *  broken plans in three years) and the plan's own terms. Any refusal makes an acceptance a four-eyes decision. */
export async function planRefusals(r: Parameters<typeof planTerms>[0], today: string): Promise<{ terms: PlanTerms | null; refusals: PaymentPlanRefusal[] }> {
  const terms = await planTerms(r);
  if (!terms || !r.affiliateId) return { terms, refusals: [] };
  return { terms, refusals: [...historyRefusals(await planHistory(r.affiliateId, today)), ...planOutsidePolicy(terms)] };
}
