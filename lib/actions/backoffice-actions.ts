"use server";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { todayInBrussels } from "@/lib/clock";
import { parseEuros } from "@/lib/domain/parse-euros";
import { approveSecond } from "@/lib/dal/requests/approve-second";
import { assignDossierAdvisor } from "@/lib/dal/dossiers/assign-dossier-advisor";
import { assignRequest } from "@/lib/dal/requests/assign-request";
import { decideRequest } from "@/lib/dal/requests/decide-request";
import { answerRequest } from "@/lib/dal/requests/answer-request";
import { answerSchema } from "@/lib/schemas/me-requests";
import { redirect } from "next/navigation";
import { formInput, uploadsOf } from "./form-input";
import type { ActionResult } from "./result";
import { approveWriteOff } from "@/lib/dal/recovery/approve-write-off";
import { proposeWriteOff } from "@/lib/dal/recovery/propose-write-off";
import { recordRecoveryStep } from "@/lib/dal/recovery/record-recovery-step";
import { forwardToInasti } from "@/lib/dal/requests/forward-to-inasti";
import { recordInastiDecision } from "@/lib/dal/requests/record-inasti-decision";
import { welcomeNewAffiliate } from "@/lib/dal/affiliation/welcome-new-affiliate";
import { addDossierNote } from "@/lib/dal/dossiers/add-dossier-note";
import { grantClaim } from "@/lib/dal/benefits/grant-claim";
import { markSentToHealthInsurer } from "@/lib/dal/benefits/mark-sent-to-health-insurer";
import { recordBenefitPayment } from "@/lib/dal/benefits/record-benefit-payment";
import { recordBirth } from "@/lib/dal/benefits/record-birth";
import { benefitPaymentSchema, grantSchema, sentToHealthInsurerSchema } from "@/lib/schemas/benefits";
import { approvalSchema, assignSchema, birthSchema, decisionSchema, dossierAdvisorSchema, forwardInastiSchema, forwardQuestionSchema, inastiDecisionSchema, noteSchema, recoveryStepSchema, welcomeSchema, writeOffSchema } from "@/lib/schemas/backoffice-forms";
import { fields, runAction } from "./run-action";

// Thin server actions of the back office: runAction (zod schema → viewer → guarded use case → ActionResult); the
// data is the message key of what was done.
// Error codes are message keys under bo_errors (benefit handling: bn_errors, see components/backoffice/action-form.tsx).

const run = <S extends z.ZodType>(schema: S, formData: FormData, fn: (data: z.infer<S>, viewer: Viewer | null) => Promise<string | void>) =>
  runAction(schema, fields(formData), async (d, viewer) => (await fn(d, viewer)) ?? undefined);

export async function decideRequestAction(_prev: unknown, formData: FormData) {
  const r = await run(decisionSchema, formData, async (d, viewer) => {
    const out = await decideRequest(viewer, d, todayInBrussels());
    return out.awaitingSecondApproval ? "AWAITING_SECOND_APPROVAL" : out.status;
  });
  if (!r.ok) return r;
  // the page says what was done ("review started", "accepted — the letter is in the dossier"…), even when the decision
  // form is gone because nothing is left to decide
  const requestId = String(formData.get("requestId") ?? "");
  redirect(`/staff/requests/${encodeURIComponent(requestId)}?done=${r.data}`);
}

/** The advisor's answer to a question or complaint (bound to the request id), with attachments: closes it, tells
 *  the affiliate. Ends on the request page. */
export async function answerRequestAction(requestId: string, _prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const r = await runAction(answerSchema, formInput(formData), async ({ evidence, body }, viewer) => answerRequest(viewer, { requestId, body }, await uploadsOf(evidence), todayInBrussels()));
  if (!r.ok) return r;
  redirect(`/staff/requests/${encodeURIComponent(requestId)}?answered=1`);
}

export async function approveRequestAction(_prev: unknown, formData: FormData) {
  return run(approvalSchema, formData, async (d, viewer) => {
    await approveSecond(viewer, { requestId: d.requestId, approve: d.approve === "yes", reason: d.reason }, todayInBrussels());
    revalidatePath(`/staff/requests/${d.requestId}`);
    return d.approve === "yes" ? "approved" : "rejected";
  });
}

export async function assignRequestAction(_prev: unknown, formData: FormData) {
  return run(assignSchema, formData, async (d, viewer) => {
    await assignRequest(viewer, d);
    revalidatePath("/staff/queues");
  });
}

export async function assignDossierAdvisorAction(_prev: unknown, formData: FormData) {
  return run(dossierAdvisorSchema, formData, async (d, viewer) => {
    await assignDossierAdvisor(viewer, d);
    revalidatePath(`/staff/dossiers/${d.affiliateId}`);
  });
}

export async function addNoteAction(_prev: unknown, formData: FormData) {
  return run(noteSchema, formData, async (d, viewer) => {
    await addDossierNote(viewer, d);
    revalidatePath(`/staff/dossiers/${d.affiliateId}`);
    return "noteAdded";
  });
}

export async function recordRecoveryStepAction(_prev: unknown, formData: FormData) {
  return run(recoveryStepSchema, formData, async (d, viewer) => {
    await recordRecoveryStep(viewer, { caseId: d.caseId, kind: d.kind, note: d.note, costCents: parseEuros(d.cost) ?? 0 }, todayInBrussels());
    revalidatePath(`/staff/recovery/${d.caseId}`);
    return "recorded";
  });
}

export async function proposeWriteOffAction(_prev: unknown, formData: FormData) {
  return run(writeOffSchema, formData, async (d, viewer) => {
    await proposeWriteOff(viewer, d);
    revalidatePath(`/staff/recovery/${d.caseId}`);
  });
}

export async function approveWriteOffAction(_prev: unknown, formData: FormData) {
  return run(writeOffSchema, formData, async (d, viewer) => {
    await approveWriteOff(viewer, d, todayInBrussels());
    revalidatePath(`/staff/recovery/${d.caseId}`);
    return "writtenOff";
  });
}

export async function recordBirthAction(_prev: unknown, formData: FormData) {
  return run(birthSchema, formData, async (d, viewer) => {
    const out = await recordBirth(viewer, d, todayInBrussels());
    revalidatePath(`/staff/dossiers/${d.affiliateId}`);
    return out.created ? "birthRecorded" : "birthKnown";
  });
}

export async function forwardInastiAction(_prev: unknown, formData: FormData) {
  return run(forwardInastiSchema, formData, async (d, viewer) => {
    await forwardToInasti(viewer, d, todayInBrussels());
    revalidatePath(`/staff/requests/${d.requestId}`);
    return "forwarded";
  });
}

/** A misdirected question forwarded to the competent institution: the affiliate is told (message, notice). */
export async function forwardQuestionAction(_prev: unknown, formData: FormData) {
  const r = await run(forwardQuestionSchema, formData, async (d, viewer) => void (await answerRequest(viewer, { requestId: d.requestId, body: d.text, forwardTo: d.institution }, [], todayInBrussels())));
  if (!r.ok) return r;
  redirect(`/staff/requests/${encodeURIComponent(String(formData.get("requestId") ?? ""))}?answered=1`);
}

export async function recordInastiDecisionAction(_prev: unknown, formData: FormData) {
  return run(inastiDecisionSchema, formData, async (d, viewer) => {
    const { awaitingSecondApproval } = await recordInastiDecision(viewer, d, todayInBrussels());
    revalidatePath(`/staff/requests/${d.requestId}`);
    return awaitingSecondApproval ? "recordedForApproval" : "recorded";
  });
}

export async function welcomeAffiliateAction(_prev: unknown, formData: FormData) {
  return run(welcomeSchema, formData, async (d, viewer) => {
    await welcomeNewAffiliate(viewer, d.requestId, todayInBrussels());
    revalidatePath(`/staff/requests/${d.requestId}`);
    return "welcomeIssued";
  });
}

// ── benefit handling (bridging right, caregiver allowance, maternity aid): /staff/benefits ──

export async function grantClaimAction(_prev: unknown, formData: FormData) {
  return run(grantSchema, formData, async (d, viewer) => {
    await grantClaim(viewer, d, todayInBrussels());
    revalidatePath(`/staff/benefits/${d.claimId}`);
    revalidatePath("/staff/benefits");
    return "granted";
  });
}

export async function recordBenefitPaymentAction(_prev: unknown, formData: FormData) {
  return run(benefitPaymentSchema, formData, async (d, viewer) => {
    const out = await recordBenefitPayment(viewer, { claimId: d.claimId, amountCents: parseEuros(d.amount) ?? -1, paidOn: d.paidOn, recorded: Number(d.recorded) }, todayInBrussels());
    revalidatePath(`/staff/benefits/${d.claimId}`);
    revalidatePath("/staff/benefits");
    return out.interestCents > 0 ? "paymentWithInterest" : "paymentRecorded";
  });
}

export async function markSentToHealthInsurerAction(_prev: unknown, formData: FormData) {
  return run(sentToHealthInsurerSchema, formData, async (d, viewer) => {
    const out = await markSentToHealthInsurer(viewer, d);
    revalidatePath(`/staff/benefits/${out.claimId}`);
    revalidatePath("/staff/benefits");
    return "sent";
  });
}
