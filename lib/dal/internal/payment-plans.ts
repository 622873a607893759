import "server-only";
import crypto from "node:crypto";
import { dbDate, isoDate } from "@/lib/clock";
import { prisma } from "@/lib/db/client";
import { structuredCommunication, type Instalment, type PaymentPlanHistory } from "@/lib/domain";
import { instalmentCommunication, parseRequestReference } from "@/lib/domain/request-reference";
import type { Prisma } from "@/lib/generated/prisma/client";

// A payment plan put in force: the plan (ACTIVE), its advance (instalment 0) and monthly instalments, each with
// its own structured communication, and — since no recovery goes on while a plan is respected (docs/domain.md §7.2;
// a payment plan in force suspends the path) — the dossier's open recovery cases suspended, each with a
// SUSPENDED step. Shared by the affiliate's plan inside policy (lib/dal/me-requests.ts) and the advisor's decision
// (lib/dal/backoffice-requests.ts); always called inside the caller's transaction.

type Tx = Prisma.TransactionClient;

export type NewPaymentPlan = {
  affiliateId: string;
  requestId: string;
  /** the request's reference: 'D-YYYY-NNNNNN' gives the instalments' communications */
  reference: string;
  debtCents: number;
  advanceCents: number;
  months: number;
  startOn: string;
  advanceDueOn: string;
  /** the monthly instalments (numbers 1…n) of the domain's schedule (buildInstalmentSchedule / decidePaymentPlan) */
  instalments: readonly Instalment[];
  /** who put the plan in force (null: the portal itself) and on which day (the recovery step's date) */
  actorId: string | null;
  today: string;
};

export const MAX_PLAN_INSTALMENTS = 99;

/**
 * The 12 digits of an instalment's communication: from the request's 'D-' reference (instalmentCommunication), or
 * — for a request with another reference (imported, older) — from a digest of the request id, prefix 7.
 */
export function planInstalmentCommunication(reference: string, requestId: string, seq: number): string {
  if (parseRequestReference(reference)) return instalmentCommunication(reference, seq);
  if (!Number.isInteger(seq) || seq < 0 || seq > MAX_PLAN_INSTALMENTS) throw new Error("instalment communication: bad input");
  const digest = BigInt(`0x${crypto.createHash("sha256").update(requestId).digest("hex").slice(0, 15)}`) % 10_000_000n;
  return structuredCommunication(`7${String(digest).padStart(7, "0")}${String(seq).padStart(2, "0")}`).replace(/\D/g, "");
}

/** The debtor's history the plan policy weighs (docs/domain.md §7.2): judicial recovery, a plan in force, broken plans. */
export async function planHistory(affiliateId: string, today: string, db: Tx | typeof prisma = prisma): Promise<PaymentPlanHistory> {
  const [judicial, activePlans, broken] = await Promise.all([
    db.recoveryCase.count({ where: { affiliateId, status: "JUDICIAL" } }),
    db.paymentPlan.count({ where: { affiliateId, status: "ACTIVE" } }),
    db.paymentPlan.findMany({ where: { affiliateId, status: "BROKEN", brokenOn: { not: null } }, select: { brokenOn: true } }),
  ]);
  return { today, judicialRecoveryPending: judicial > 0, activePlan: activePlans > 0, brokenPlansOn: broken.map((b) => isoDate(b.brokenOn!)) };
}

export type CreatedPaymentPlan = { planId: string; suspendedCaseIds: string[] };

export async function createPaymentPlan(tx: Tx, plan: NewPaymentPlan): Promise<CreatedPaymentPlan> {
  if (plan.instalments.length > MAX_PLAN_INSTALMENTS) throw new Error("payment plan: too many instalments for a communication");
  // one plan in force per debtor (a unique index says so): a plan the fund accepts while another is in force
  // replaces it — the new plan covers the debt as it stands, the old one is cancelled, recorded in the audit log
  const replaced = await tx.paymentPlan.findMany({ where: { affiliateId: plan.affiliateId, status: "ACTIVE" }, select: { id: true } });
  if (replaced.length > 0) {
    await tx.paymentPlan.updateMany({ where: { id: { in: replaced.map((r) => r.id) }, status: "ACTIVE" }, data: { status: "CANCELLED" } });
    await tx.auditLog.createMany({
      data: replaced.map((r) => ({ actorId: plan.actorId, action: "plan.replaced", entity: "PaymentPlan", entityId: r.id, details: { byRequestId: plan.requestId } })),
    });
  }
  const created = await tx.paymentPlan.create({
    data: {
      affiliateId: plan.affiliateId,
      requestId: plan.requestId,
      status: "ACTIVE",
      debtCents: plan.debtCents,
      advanceCents: plan.advanceCents,
      months: plan.months,
      startOn: dbDate(plan.startOn),
      instalments: {
        create: [{ number: 0, dueOn: plan.advanceDueOn, amountCents: plan.advanceCents }, ...plan.instalments].map((i) => ({
          seq: i.number,
          dueOn: dbDate(i.dueOn),
          amountCents: i.amountCents,
          structuredCommunication: planInstalmentCommunication(plan.reference, plan.requestId, i.number),
        })),
      },
    },
    select: { id: true },
  });
  // the plan in force suspends the dossier's recovery (amicable or judicial): a SUSPENDED step on each open case
  const open = await tx.recoveryCase.findMany({ where: { affiliateId: plan.affiliateId, status: { in: ["OPEN", "JUDICIAL"] } }, select: { id: true, status: true } });
  const suspended: string[] = [];
  for (const c of open) {
    const { count } = await tx.recoveryCase.updateMany({ where: { id: c.id, status: c.status }, data: { status: "SUSPENDED", currentStep: "SUSPENDED" } });
    if (count !== 1) continue;
    await tx.recoveryStep.create({ data: { caseId: c.id, kind: "SUSPENDED", on: dbDate(plan.today), actorId: plan.actorId, note: `plan:${created.id}` } });
    suspended.push(c.id);
  }
  return { planId: created.id, suspendedCaseIds: suspended };
}
