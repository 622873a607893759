import "server-only";
import { prisma } from "@/lib/db/client";
import { logStaffRead } from "@/lib/dal/internal/access-log";
import { isoDate } from "@/lib/clock";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { nextDbSteps } from "@/lib/dal/internal/recovery-workflow";
import { nameOf, planInForce, toRecoveryListItem, who } from "@/lib/dal/internal/recovery";
import { type RecoveryCaseView } from "@/lib/dto/recovery";

export async function getRecoveryCase(viewer: Viewer | null, caseId: string, today: string): Promise<RecoveryCaseView> {
  assertPermission(viewer, "recovery:manage");
  const c = await prisma.recoveryCase.findUnique({
    where: { id: caseId },
    include: { affiliate: { select: who }, steps: { orderBy: [{ on: "asc" }, { id: "asc" }], include: { actor: { select: { name: true } } } } },
  });
  if (!c) throw new NotFoundError("recovery");
  await logStaffRead(viewer, { affiliateId: c.affiliateId, action: "recovery.view", entity: "RecoveryCase", entityId: c.id, reason: "recovery" });
  const [joint, plan, proposer, letters] = await Promise.all([
    c.jointDebtorId ? prisma.affiliate.findUnique({ where: { id: c.jointDebtorId }, select: { id: true, ...who } }) : null,
    planInForce(c.affiliateId),
    c.writeOffProposedById ? prisma.user.findUnique({ where: { id: c.writeOffProposedById }, select: { name: true } }) : null,
    prisma.document.findMany({ where: { uniqueKey: { startsWith: `recovery:${c.id}:` } }, orderBy: { createdAt: "asc" }, select: { id: true, fileName: true } }),
  ]);
  const history = c.steps.map((s) => s.kind);
  const contact = c.steps.find((s) => s.kind === "PERSONAL_CONTACT");
  const closed = c.status === "CLOSED" || c.status === "WRITTEN_OFF";
  return {
    ...toRecoveryListItem(c, today),
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
