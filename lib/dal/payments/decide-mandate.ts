import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError, invalid, refused } from "@/lib/errors";
import { MANDATE_REFUSAL_REASONS, type MandateRefusalReason } from "@/lib/dto/mandates";
import { notifyMandateDecision } from "@/lib/dal/internal/mandate-mail";

export type MandateDecision = { mandateId: string; decision: "confirm" | "refuse"; reason?: string; note?: string };

/**
 * An advisor confirms a requested (PENDING) mandate — the direct-debit run then collects the affiliate's calls — or
 * refuses it with a reason (and, for "other", words of their own) the affiliate reads on the pay page and by e-mail.
 * Once: the move is a conditional update, so two advisors deciding at once get one decision and one refusal
 * ("already decided"). Audited; the e-mail goes through the outbox in the affiliate's language.
 */
export async function decideMandate(viewer: Viewer | null, input: MandateDecision): Promise<{ status: "ACTIVE" | "REFUSED" }> {
  assertPermission(viewer, "mandate:manage");
  const m = await prisma.directDebitMandate.findUnique({ where: { id: input.mandateId }, select: { id: true, status: true, reference: true, affiliateId: true } });
  if (!m) throw new NotFoundError("mandate");
  const confirm = input.decision === "confirm";
  const reason = (input.reason ?? "").trim();
  const note = (input.note ?? "").trim();
  if (!confirm) {
    if (!(MANDATE_REFUSAL_REASONS as readonly string[]).includes(reason)) throw invalid({ reason: ["reasonRequired"] });
    if (reason === "other" && note.length < 5) throw invalid({ note: ["noteRequired"] });
    if (note.length > 500) throw invalid({ note: ["noteTooLong"] });
  }
  if (m.status !== "PENDING") throw refused("mandateAlreadyDecided");
  const status = confirm ? ("ACTIVE" as const) : ("REFUSED" as const);
  await prisma.$transaction(async (tx) => {
    const moved = await tx.directDebitMandate.updateMany({
      where: { id: m.id, status: "PENDING" },
      data: {
        status, decidedById: viewer.userId, decidedAt: new Date(),
        ...(confirm ? {} : { refusalReason: reason as MandateRefusalReason, refusalNote: note || null }),
      },
    });
    if (moved.count !== 1) throw refused("mandateAlreadyDecided");
    await tx.auditLog.create({
      data: {
        actorId: viewer.userId, action: confirm ? "mandate.confirm" : "mandate.refuse", entity: "DirectDebitMandate", entityId: m.id,
        affiliateId: m.affiliateId, reason: confirm ? null : reason, details: { reference: m.reference, ...(note ? { note } : {}) },
      },
    });
  });
  await notifyMandateDecision(m.id);
  return { status };
}
