import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate, isoDate } from "@/lib/clock";
import { type Viewer } from "@/lib/auth/viewer";
import { openItemsOf } from "@/lib/dal/internal/allocation";
import { openCaseForWriteOff } from "@/lib/dal/internal/recovery";
import { refused } from "@/lib/errors";

/** Second half: another staff member approves; the debt is written off in the ledger (one entry, never twice). */
export async function approveWriteOff(viewer: Viewer | null, input: { caseId: string; note: string }, today: string): Promise<void> {
  const { staff, c } = await openCaseForWriteOff(viewer, input.caseId);
  if (!c.writeOffProposedById) throw refused("writeOffNotProposed");
  if (c.writeOffProposedById === staff.userId) throw refused("writeOffSameStaff");
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.recoveryCase.updateMany({
      where: { id: c.id, status: c.status, writeOffProposedById: c.writeOffProposedById },
      data: { status: "WRITTEN_OFF", currentStep: "WRITE_OFF", closedOn: dbDate(today) },
    });
    if (count !== 1) throw refused("concurrentChange");
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
