"use server";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { currentViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/auth/viewer";
import { todayInBrussels } from "@/lib/clock";
import { parseEuros } from "@/lib/domain/parse-euros";
import { BackofficeError } from "@/lib/backoffice/errors";
import { approveSecond, assignDossierAdvisor, assignRequest, decideRequest } from "@/lib/dal/backoffice-requests";
import { approveWriteOff, proposeWriteOff, recordRecoveryStep } from "@/lib/dal/backoffice-recovery";
import { forwardToInasti, recordInastiDecision } from "@/lib/dal/backoffice-inasti";
import { welcomeNewAffiliate } from "@/lib/dal/backoffice-affiliation";
import { addDossierNote } from "@/lib/dal/staff";
import { grantClaim, markSentToHealthInsurer, recordBenefitPayment, recordBirth } from "@/lib/dal/benefits";
import { benefitPaymentSchema, grantSchema, sentToHealthInsurerSchema } from "@/lib/schemas/benefits";
import {
  approvalSchema,
  assignSchema,
  birthSchema,
  decisionSchema,
  dossierAdvisorSchema,
  forwardInastiSchema,
  inastiDecisionSchema,
  noteSchema,
  recoveryStepSchema,
  welcomeSchema,
  writeOffSchema,
} from "@/lib/schemas/backoffice-forms";
import type { ActionResult } from "./result";

// Thin server actions of the back office: zod schema → DAL (which checks the viewer) → ActionResult.
// Error codes are message keys under bo_errors (benefit handling: bn_errors, see components/backoffice/action-form.tsx).

async function run<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  fn: (data: z.infer<S>) => Promise<string | void>,
): Promise<ActionResult<string | undefined>> {
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    return { ok: false, code: "validation", fieldErrors };
  }
  try {
    return { ok: true, data: (await fn(parsed.data)) ?? undefined };
  } catch (error) {
    if (error instanceof NotFoundError) return { ok: false, code: "notFound" };
    if (error instanceof BackofficeError) return { ok: false, code: error.code };
    throw error;
  }
}

export async function decideRequestAction(_prev: unknown, formData: FormData) {
  return run(decisionSchema, formData, async (d) => {
    const out = await decideRequest(await currentViewer(), d, todayInBrussels());
    revalidatePath(`/staff/requests/${d.requestId}`);
    return out.awaitingSecondApproval ? "proposed" : "saved";
  });
}

export async function approveRequestAction(_prev: unknown, formData: FormData) {
  return run(approvalSchema, formData, async (d) => {
    await approveSecond(await currentViewer(), { requestId: d.requestId, approve: d.approve === "yes", reason: d.reason }, todayInBrussels());
    revalidatePath(`/staff/requests/${d.requestId}`);
    return d.approve === "yes" ? "approved" : "rejected";
  });
}

export async function assignRequestAction(_prev: unknown, formData: FormData) {
  return run(assignSchema, formData, async (d) => {
    await assignRequest(await currentViewer(), d);
    revalidatePath("/staff/queues");
  });
}

export async function assignDossierAdvisorAction(_prev: unknown, formData: FormData) {
  return run(dossierAdvisorSchema, formData, async (d) => {
    await assignDossierAdvisor(await currentViewer(), d);
    revalidatePath(`/staff/dossiers/${d.affiliateId}`);
  });
}

export async function addNoteAction(_prev: unknown, formData: FormData) {
  return run(noteSchema, formData, async (d) => {
    await addDossierNote(await currentViewer(), d);
    revalidatePath(`/staff/dossiers/${d.affiliateId}`);
    return "noteAdded";
  });
}

export async function recordRecoveryStepAction(_prev: unknown, formData: FormData) {
  return run(recoveryStepSchema, formData, async (d) => {
    await recordRecoveryStep(await currentViewer(), { caseId: d.caseId, kind: d.kind, note: d.note, costCents: parseEuros(d.cost) ?? 0 }, todayInBrussels());
    revalidatePath(`/staff/recovery/${d.caseId}`);
    return "recorded";
  });
}

export async function proposeWriteOffAction(_prev: unknown, formData: FormData) {
  return run(writeOffSchema, formData, async (d) => {
    await proposeWriteOff(await currentViewer(), d);
    revalidatePath(`/staff/recovery/${d.caseId}`);
  });
}

export async function approveWriteOffAction(_prev: unknown, formData: FormData) {
  return run(writeOffSchema, formData, async (d) => {
    await approveWriteOff(await currentViewer(), d, todayInBrussels());
    revalidatePath(`/staff/recovery/${d.caseId}`);
    return "writtenOff";
  });
}

export async function recordBirthAction(_prev: unknown, formData: FormData) {
  return run(birthSchema, formData, async (d) => {
    const out = await recordBirth(await currentViewer(), d, todayInBrussels());
    revalidatePath(`/staff/dossiers/${d.affiliateId}`);
    return out.created ? "birthRecorded" : "birthKnown";
  });
}

export async function forwardInastiAction(_prev: unknown, formData: FormData) {
  return run(forwardInastiSchema, formData, async (d) => {
    await forwardToInasti(await currentViewer(), d, todayInBrussels());
    revalidatePath(`/staff/requests/${d.requestId}`);
    return "forwarded";
  });
}

export async function recordInastiDecisionAction(_prev: unknown, formData: FormData) {
  return run(inastiDecisionSchema, formData, async (d) => {
    await recordInastiDecision(await currentViewer(), d, todayInBrussels());
    revalidatePath(`/staff/requests/${d.requestId}`);
    return "recorded";
  });
}

export async function welcomeAffiliateAction(_prev: unknown, formData: FormData) {
  return run(welcomeSchema, formData, async (d) => {
    await welcomeNewAffiliate(await currentViewer(), d.requestId, todayInBrussels());
    revalidatePath(`/staff/requests/${d.requestId}`);
    return "welcomeIssued";
  });
}

// ── benefit handling (bridging right, caregiver allowance, maternity aid): /staff/benefits ──

export async function grantClaimAction(_prev: unknown, formData: FormData) {
  return run(grantSchema, formData, async (d) => {
    await grantClaim(await currentViewer(), d, todayInBrussels());
    revalidatePath(`/staff/benefits/${d.claimId}`);
    revalidatePath("/staff/benefits");
    return "granted";
  });
}

export async function recordBenefitPaymentAction(_prev: unknown, formData: FormData) {
  return run(benefitPaymentSchema, formData, async (d) => {
    const out = await recordBenefitPayment(await currentViewer(), { claimId: d.claimId, amountCents: parseEuros(d.amount) ?? -1, paidOn: d.paidOn, recorded: Number(d.recorded) }, todayInBrussels());
    revalidatePath(`/staff/benefits/${d.claimId}`);
    revalidatePath("/staff/benefits");
    return out.interestCents > 0 ? "paymentWithInterest" : "paymentRecorded";
  });
}

export async function markSentToHealthInsurerAction(_prev: unknown, formData: FormData) {
  return run(sentToHealthInsurerSchema, formData, async (d) => {
    const out = await markSentToHealthInsurer(await currentViewer(), d);
    revalidatePath(`/staff/benefits/${out.claimId}`);
    revalidatePath("/staff/benefits");
    return "sent";
  });
}
