import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate, isoDate } from "@/lib/clock";
import { assertPermission, NotFoundError, type Viewer } from "@/lib/auth/viewer";
import { checkRecoveryMove, isJudicialDbStep, nextDbSteps, prescription, type DbRecoveryStep } from "@/lib/backoffice/recovery";
import { BackofficeError } from "@/lib/backoffice/errors";
import { LETTER_STEPS, renderRecoveryLetter, type LetterStep } from "@/lib/formats/pdf/recovery-letter";
import { outstandingByCall } from "./affiliate";
import { openItemsOf } from "@/lib/jobs/allocation";

/** The letter of a reminder, account statement or formal notice, in the debtor's language. */
async function recoveryLetter(c: { affiliateId: string; debtCents: number; oldestDueOn: Date }, step: LetterStep, today: string, fallbackContact: string) {
  const [a, fund, calls, outstanding] = await Promise.all([
    prisma.affiliate.findUniqueOrThrow({ where: { id: c.affiliateId }, include: { person: true, company: true, advisor: { select: { name: true } } } }),
    prisma.fund.findUnique({ where: { id: 1 } }),
    prisma.contributionCall.findMany({ where: { affiliateId: c.affiliateId }, orderBy: [{ year: "asc" }, { quarter: "asc" }], select: { id: true, kind: true, year: true, quarter: true } }),
    outstandingByCall(c.affiliateId),
  ]);
  const who = a.person ?? a.company;
  return renderRecoveryLetter({
    locale: a.language,
    step,
    on: today,
    addressee: a.person ? `${a.person.firstName} ${a.person.lastName}` : (a.company?.name ?? ""),
    address: who ? [who.street, `${who.postalCode} ${who.city}`] : [],
    memberNumber: a.memberNumber,
    debtCents: c.debtCents,
    oldestDueOn: isoDate(c.oldestDueOn),
    lines: calls.filter((k) => (outstanding.get(k.id) ?? 0) > 0).map((k) => ({ kind: k.kind, year: k.year, quarter: k.quarter, amountCents: outstanding.get(k.id) ?? 0 })),
    contactName: a.advisor?.name ?? fallbackContact,
    fund: fund ? { name: fund.name, address: fund.address, phone: fund.phone, email: fund.email, iban: fund.iban } : null,
  });
}

// Recovery cases: the path is the domain's (moveRecoveryStep), enforced here on the server; a payment plan in force
// suspends it; write-off needs a second staff member.

export type RecoveryListItem = {
  id: string;
  affiliateId: string;
  dossierName: string;
  memberNumber: string;
  status: string;
  currentStep: DbRecoveryStep;
  debtCents: number;
  oldestDueOn: string;
  prescribesOn: string;
  prescription: "ok" | "soon" | "prescribed";
};

function nameOf(a: { person: { firstName: string; lastName: string } | null; company: { name: string } | null }) {
  return a.person ? `${a.person.lastName}, ${a.person.firstName}` : (a.company?.name ?? "");
}

const who = { memberNumber: true, person: { select: { firstName: true, lastName: true } }, company: { select: { name: true } } } as const;

export async function listRecoveryCases(viewer: Viewer | null, today: string, filter: { affiliateId?: string } = {}): Promise<RecoveryListItem[]> {
  assertPermission(viewer, "recovery:manage");
  const rows = await prisma.recoveryCase.findMany({
    where: filter.affiliateId ? { affiliateId: filter.affiliateId } : { status: { in: ["OPEN", "SUSPENDED", "JUDICIAL"] } },
    include: { affiliate: { select: who } },
    orderBy: [{ oldestDueOn: "asc" }, { id: "asc" }],
    take: 500,
  });
  return rows.map((c) => {
    const p = prescription(isoDate(c.oldestDueOn), today);
    return {
      id: c.id,
      affiliateId: c.affiliateId,
      dossierName: nameOf(c.affiliate),
      memberNumber: c.affiliate.memberNumber,
      status: c.status,
      currentStep: c.currentStep,
      debtCents: c.debtCents,
      oldestDueOn: isoDate(c.oldestDueOn),
      prescribesOn: p.prescribesOn,
      prescription: p.state,
    };
  });
}

export type RecoveryCaseView = RecoveryListItem & {
  jointDebtor: { id: string; name: string; memberNumber: string } | null;
  planInForce: boolean;
  steps: { id: string; kind: DbRecoveryStep; on: string; actorName: string | null; note: string | null; costCents: number }[];
  nextSteps: DbRecoveryStep[];
  personalContactOn: string | null;
  costsCents: number;
  writeOffProposedByName: string | null;
  canApproveWriteOff: boolean;
  letters: { id: string; fileName: string }[];
};

async function planInForce(affiliateId: string): Promise<boolean> {
  return (await prisma.paymentPlan.count({ where: { affiliateId, status: "ACTIVE" } })) > 0;
}

export async function getRecoveryCase(viewer: Viewer | null, caseId: string, today: string): Promise<RecoveryCaseView> {
  assertPermission(viewer, "recovery:manage");
  const c = await prisma.recoveryCase.findUnique({
    where: { id: caseId },
    include: { affiliate: { select: who }, steps: { orderBy: [{ on: "asc" }, { id: "asc" }], include: { actor: { select: { name: true } } } } },
  });
  if (!c) throw new NotFoundError("recovery");
  const [joint, plan, proposer, letters] = await Promise.all([
    c.jointDebtorId ? prisma.affiliate.findUnique({ where: { id: c.jointDebtorId }, select: { id: true, ...who } }) : null,
    planInForce(c.affiliateId),
    c.writeOffProposedById ? prisma.user.findUnique({ where: { id: c.writeOffProposedById }, select: { name: true } }) : null,
    prisma.document.findMany({ where: { uniqueKey: { startsWith: `recovery:${c.id}:` } }, orderBy: { createdAt: "asc" }, select: { id: true, fileName: true } }),
  ]);
  const history = c.steps.map((s) => s.kind);
  const contact = c.steps.find((s) => s.kind === "PERSONAL_CONTACT");
  const p = prescription(isoDate(c.oldestDueOn), today);
  const closed = c.status === "CLOSED" || c.status === "WRITTEN_OFF";
  return {
    id: c.id,
    affiliateId: c.affiliateId,
    dossierName: nameOf(c.affiliate),
    memberNumber: c.affiliate.memberNumber,
    status: c.status,
    currentStep: c.currentStep,
    debtCents: c.debtCents,
    oldestDueOn: isoDate(c.oldestDueOn),
    prescribesOn: p.prescribesOn,
    prescription: p.state,
    jointDebtor: joint ? { id: joint.id, name: nameOf(joint), memberNumber: joint.memberNumber } : null,
    planInForce: plan,
    steps: c.steps.map((s) => ({ id: String(s.id), kind: s.kind, on: isoDate(s.on), actorName: s.actor?.name ?? null, note: s.note, costCents: s.costCents })),
    // what the domain allows next; a judicial step stays listed so that its server-side refusal is explained
    nextSteps: closed || plan ? [] : nextDbSteps(history),
    personalContactOn: contact ? isoDate(contact.on) : null,
    costsCents: c.steps.reduce((s, x) => s + x.costCents, 0),
    writeOffProposedByName: proposer?.name ?? null,
    canApproveWriteOff: !!c.writeOffProposedById && c.writeOffProposedById !== viewer.userId && !closed,
    letters,
  };
}

/**
 * Records the next step of a case. Refused on the server when the domain's path does not allow it — in particular
 * a bailiff or lawyer before a personal contact is logged — or while a payment plan is in force.
 */
export async function recordRecoveryStep(
  viewer: Viewer | null,
  input: { caseId: string; kind: DbRecoveryStep; note: string; costCents: number },
  today: string,
): Promise<void> {
  assertPermission(viewer, "recovery:manage");
  const c = await prisma.recoveryCase.findUnique({ where: { id: input.caseId }, include: { steps: { orderBy: [{ on: "asc" }, { id: "asc" }] } } });
  if (!c) throw new NotFoundError("recovery");
  const contact = c.steps.find((s) => s.kind === "PERSONAL_CONTACT");
  const check = checkRecoveryMove({
    history: c.steps.map((s) => s.kind),
    to: input.kind,
    personalContactOn: contact ? isoDate(contact.on) : null,
    planInForce: await planInForce(c.affiliateId),
    status: c.status,
  });
  if (!check.ok) throw new BackofficeError(check.code);
  const status = input.kind === "CLOSED" ? "CLOSED" : isJudicialDbStep(input.kind) ? "JUDICIAL" : "OPEN";
  const letterStep = (LETTER_STEPS as readonly string[]).includes(input.kind) ? (input.kind as LetterStep) : null;
  const letter = letterStep ? await recoveryLetter(c, letterStep, today, viewer.name) : null;
  await prisma.$transaction(async (tx) => {
    // only if nobody moved the case meanwhile
    const { count } = await tx.recoveryCase.updateMany({
      where: { id: c.id, currentStep: c.currentStep, status: c.status },
      data: { currentStep: input.kind, status, closedOn: input.kind === "CLOSED" ? dbDate(today) : null },
    });
    if (count !== 1) throw new BackofficeError("concurrentChange");
    await tx.recoveryStep.create({ data: { caseId: c.id, kind: input.kind, on: dbDate(today), actorId: viewer.userId, note: input.note || null, costCents: input.costCents } });
    await tx.auditLog.create({ data: { actorId: viewer.userId, action: "recovery.step", entity: "RecoveryCase", entityId: c.id, details: { kind: input.kind } } });
    if (letter && letterStep) {
      await tx.document.create({
        data: {
          affiliateId: c.affiliateId,
          kind: "RECOVERY_LETTER",
          fileName: `${letterStep.toLowerCase().replaceAll("_", "-")}-${today}.pdf`,
          mimeType: "application/pdf",
          sizeBytes: letter.length,
          content: new Uint8Array(letter),
          uniqueKey: `recovery:${c.id}:${letterStep}`,
        },
      });
    }
  });
}

/** The four-eyes write-off's common load and check: the staff member may manage recovery, the case exists, it is
 *  not closed or written off already. */
async function openCaseForWriteOff(viewer: Viewer | null, caseId: string) {
  assertPermission(viewer, "recovery:manage");
  const c = await prisma.recoveryCase.findUnique({ where: { id: caseId } });
  if (!c) throw new NotFoundError("recovery");
  if (c.status === "CLOSED" || c.status === "WRITTEN_OFF") throw new BackofficeError("recovery.closed");
  return { staff: viewer, c };
}

/** First half of a write-off: proposed by one staff member. */
export async function proposeWriteOff(viewer: Viewer | null, input: { caseId: string; note: string }): Promise<void> {
  const { staff, c } = await openCaseForWriteOff(viewer, input.caseId);
  const { count } = await prisma.recoveryCase.updateMany({ where: { id: c.id, writeOffProposedById: null }, data: { writeOffProposedById: staff.userId } });
  if (count !== 1) throw new BackofficeError("writeOffAlreadyProposed");
  await prisma.auditLog.create({ data: { actorId: staff.userId, action: "recovery.writeOff.propose", entity: "RecoveryCase", entityId: c.id, reason: input.note || null } });
}

/** Second half: another staff member approves; the debt is written off in the ledger (one entry, never twice). */
export async function approveWriteOff(viewer: Viewer | null, input: { caseId: string; note: string }, today: string): Promise<void> {
  const { staff, c } = await openCaseForWriteOff(viewer, input.caseId);
  if (!c.writeOffProposedById) throw new BackofficeError("writeOffNotProposed");
  if (c.writeOffProposedById === staff.userId) throw new BackofficeError("writeOffSameStaff");
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.recoveryCase.updateMany({
      where: { id: c.id, status: c.status, writeOffProposedById: c.writeOffProposedById },
      data: { status: "WRITTEN_OFF", currentStep: "WRITE_OFF", closedOn: dbDate(today) },
    });
    if (count !== 1) throw new BackofficeError("concurrentChange");
    await tx.recoveryStep.create({ data: { caseId: c.id, kind: "WRITE_OFF", on: dbDate(today), actorId: staff.userId, note: input.note || null } });
    // what is still owed NOW on the debts the case covers (due by the day it opened), not the figure recorded then:
    // a payment in between is not written off a second time. The credit is allocated to those debits, so every
    // screen, job and indicator sees them settled ("LedgerOwed").
    const openedOn = isoDate(c.openedOn);
    const items = ((await openItemsOf(tx, [c.affiliateId])).get(c.affiliateId) ?? []).filter((i) => i.dueOn <= openedOn);
    const owedCents = items.reduce((s, i) => s + i.openCents, 0);
    if (owedCents > 0) {
      const entry = await tx.ledgerEntry.create({
        data: {
          affiliateId: c.affiliateId,
          kind: "WRITE_OFF",
          amountCents: -owedCents,
          bookedOn: dbDate(today),
          reasonCode: "recovery.writeOff",
          reasonParams: { caseId: c.id },
          uniqueKey: `writeoff:${c.id}`,
          createdById: staff.userId,
        },
        select: { id: true },
      });
      await tx.paymentAllocation.createMany({ data: items.map((i) => ({ paymentEntryId: entry.id, targetEntryId: i.entryId, amountCents: i.openCents })) });
    }
    await tx.auditLog.create({ data: { actorId: staff.userId, action: "recovery.writeOff.approve", entity: "RecoveryCase", entityId: c.id, details: { proposedById: c.writeOffProposedById } } });
  });
}

/** A recovery letter for staff (the debtor's own copy is theirs to show in their area); anything else is a 404. */
export async function getRecoveryLetter(viewer: Viewer | null, documentId: string): Promise<{ fileName: string; content: Uint8Array }> {
  assertPermission(viewer, "recovery:manage");
  const doc = await prisma.document.findFirst({ where: { id: documentId, kind: "RECOVERY_LETTER" }, select: { fileName: true, content: true } });
  if (!doc || !doc.content) throw new NotFoundError("document");
  return { fileName: doc.fileName, content: doc.content };
}
