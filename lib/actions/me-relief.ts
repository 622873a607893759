"use server";
import { redirect } from "next/navigation";
import { currentViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/auth/viewer";
import { todayInBrussels } from "@/lib/clock";
import { EvidenceRefusedError } from "@/lib/dal/me-evidence";
import { requestMyExemption, requestMySurchargeWaiver, type ReliefFiled } from "@/lib/dal/me-relief";
import { requestMyBridgingRight, requestMyCaregiverAllowance, type BenefitFiled } from "@/lib/dal/me-benefit-requests";
import { bridgingRightRequestSchema, caregiverAllowanceRequestSchema, exemptionRequestSchema, surchargeWaiverRequestSchema } from "@/lib/schemas/me-relief";
import { formInput, uploadsOf } from "@/lib/self-service/form-input";
import type { ActionResult } from "./result";

// Exemption, surcharge waiver, bridging right and caregiver allowance: zod (the forms' schema) → DAL → status page.
// A refused evidence file comes back as a field error naming the file; nothing is written.

type Filed = ReliefFiled | BenefitFiled;

async function run(file: () => Promise<Filed>, prefix: string): Promise<ActionResult> {
  let reference: string;
  try {
    const r = await file();
    if (!r.ok) {
      if (r.code === "ineligible") {
        if (r.refusals.length > 0) return { ok: false, code: `${prefix}-${r.refusals[0]}` };
        return { ok: false, code: "validation", fieldErrors: { callIds: ["callIneligible"] } };
      }
      if (r.code === "eventInFuture") return { ok: false, code: "validation", fieldErrors: { eventOn: ["eventInFuture"] } };
      return { ok: false, code: r.code };
    }
    reference = r.reference;
  } catch (error) {
    if (error instanceof EvidenceRefusedError) return { ok: false, code: "validation", fieldErrors: error.fieldErrors };
    if (error instanceof NotFoundError) return { ok: false, code: "notFound" };
    throw error;
  }
  redirect(`/me/requests/${reference}?filed=1`);
}

const invalid = (error: { flatten(): { fieldErrors: unknown } }): ActionResult => ({ ok: false, code: "validation", fieldErrors: error.flatten().fieldErrors as Record<string, string[]> });

export async function requestExemptionAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = exemptionRequestSchema.safeParse(formInput(formData, ["callIds"]));
  if (!parsed.success) return invalid(parsed.error);
  const { evidence, ...input } = parsed.data;
  return run(async () => requestMyExemption(await currentViewer(), todayInBrussels(), input, await uploadsOf(evidence)), "exemption");
}

export async function requestSurchargeWaiverAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = surchargeWaiverRequestSchema.safeParse(formInput(formData, ["callIds"]));
  if (!parsed.success) return invalid(parsed.error);
  const { evidence, ...input } = parsed.data;
  return run(async () => requestMySurchargeWaiver(await currentViewer(), todayInBrussels(), input, await uploadsOf(evidence)), "waiver");
}

export async function requestBridgingRightAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = bridgingRightRequestSchema.safeParse(formInput(formData));
  if (!parsed.success) return invalid(parsed.error);
  const { evidence, ...input } = parsed.data;
  return run(async () => requestMyBridgingRight(await currentViewer(), todayInBrussels(), input, await uploadsOf(evidence)), "bridging");
}

export async function requestCaregiverAllowanceAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = caregiverAllowanceRequestSchema.safeParse(formInput(formData));
  if (!parsed.success) return invalid(parsed.error);
  const { evidence, ...input } = parsed.data;
  return run(async () => requestMyCaregiverAllowance(await currentViewer(), todayInBrussels(), input, await uploadsOf(evidence)), "caregiver");
}
