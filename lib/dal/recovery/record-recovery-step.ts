import "server-only";
import { prisma } from "@/lib/db/client";
import { dbDate, isoDate } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { checkRecoveryMove, isJudicialDbStep } from "@/lib/dal/internal/recovery-workflow";
import { type DbRecoveryStep } from "@/lib/db/enums";
import { LETTER_STEPS, renderRecoveryLetter, type LetterStep } from "@/lib/letters/recovery-letter";
import { outstandingByCall } from "@/lib/dal/internal/owed";
import { planInForce } from "@/lib/dal/internal/recovery";
import { findFund } from "@/lib/dal/internal/reference-data";
import { NotFoundError, refused } from "@/lib/errors";
import { recipientOf } from "@/lib/letters/recipient";

/** The letter of a reminder, account statement or formal notice, in the debtor's language. */
async function recoveryLetter(c: { affiliateId: string; debtCents: number; oldestDueOn: Date }, step: LetterStep, today: string, fallbackContact: string) {
  const [a, fund, calls, outstanding] = await Promise.all([
    prisma.affiliate.findUniqueOrThrow({ where: { id: c.affiliateId }, include: { person: true, company: true, advisor: { select: { name: true } } } }),
    findFund(prisma),
    prisma.contributionCall.findMany({ where: { affiliateId: c.affiliateId }, orderBy: [{ year: "asc" }, { quarter: "asc" }], select: { id: true, kind: true, year: true, quarter: true } }),
    outstandingByCall(c.affiliateId),
  ]);
  return renderRecoveryLetter({
    locale: a.language,
    step,
    on: today,
    ...recipientOf(a),
    memberNumber: a.memberNumber,
    debtCents: c.debtCents,
    oldestDueOn: isoDate(c.oldestDueOn),
    lines: calls.filter((k) => (outstanding.get(k.id) ?? 0) > 0).map((k) => ({ kind: k.kind, year: k.year, quarter: k.quarter, amountCents: outstanding.get(k.id) ?? 0 })),
    contactName: a.advisor?.name ?? fallbackContact,
    fund: fund ? { name: fund.name, address: fund.address, phone: fund.phone, email: fund.email, iban: fund.iban } : null,
  });
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
  if (!check.ok) throw refused(check.code);
  const status = input.kind === "CLOSED" ? "CLOSED" : isJudicialDbStep(input.kind) ? "JUDICIAL" : "OPEN";
  const letterStep = (LETTER_STEPS as readonly string[]).includes(input.kind) ? (input.kind as LetterStep) : null;
  const letter = letterStep ? await recoveryLetter(c, letterStep, today, viewer.name) : null;
  await prisma.$transaction(async (tx) => {
    // only if nobody moved the case meanwhile
    const { count } = await tx.recoveryCase.updateMany({
      where: { id: c.id, currentStep: c.currentStep, status: c.status },
      data: { currentStep: input.kind, status, closedOn: input.kind === "CLOSED" ? dbDate(today) : null },
    });
    if (count !== 1) throw refused("concurrentChange");
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
