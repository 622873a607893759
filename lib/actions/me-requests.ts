"use server";
import { redirect } from "next/navigation";
import { currentViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/auth/viewer";
import { todayInBrussels } from "@/lib/clock";
import { askMyAdvisor, requestMyPaymentPlan } from "@/lib/dal/me-requests";
import { contributionChangeSchema, paymentPlanRequestSchema, questionRequestSchema } from "@/lib/schemas/me-requests";
import { requestMyContributionChange } from "@/lib/dal/me-contributions";
import { parseEuros } from "@/lib/domain/parse-euros";
import { EvidenceRefusedError } from "@/lib/dal/me-evidence";
import { formInput, uploadsOf } from "@/lib/self-service/form-input";
import type { ActionResult } from "./result";

const evidenceRefused = (error: EvidenceRefusedError): ActionResult => ({ ok: false, code: "validation", fieldErrors: error.fieldErrors });

/** Payment plan request: decided at once inside the policy; the confirmation page shows the reference. */
export async function requestPaymentPlanAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = paymentPlanRequestSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, code: "validation", fieldErrors: parsed.error.flatten().fieldErrors as Record<string, string[]> };
  let reference: string;
  try {
    reference = (await requestMyPaymentPlan(await currentViewer(), todayInBrussels(), { months: Number(parsed.data.months) })).reference;
  } catch (error) {
    if (error instanceof NotFoundError) return { ok: false, code: "notFound" };
    throw error;
  }
  redirect(`/me/requests/${reference}?filed=1`);
}

/** Question or complaint to the named advisor (thread + message + e-mail). */
export async function askAdvisorAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = questionRequestSchema.safeParse(formInput(formData));
  if (!parsed.success) return { ok: false, code: "validation", fieldErrors: parsed.error.flatten().fieldErrors as Record<string, string[]> };
  const { evidence, ...input } = parsed.data;
  let reference: string;
  try {
    reference = (await askMyAdvisor(await currentViewer(), todayInBrussels(), input, await uploadsOf(evidence))).reference;
  } catch (error) {
    if (error instanceof EvidenceRefusedError) return evidenceRefused(error);
    if (error instanceof NotFoundError) return { ok: false, code: "notFound" };
    throw error;
  }
  redirect(`/me/requests/${reference}?filed=1`);
}

/** Reduction or increase of the provisional contributions (the kind follows from the new amount). */
export async function requestContributionChangeAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = contributionChangeSchema.safeParse(formInput(formData));
  if (!parsed.success) return { ok: false, code: "validation", fieldErrors: parsed.error.flatten().fieldErrors as Record<string, string[]> };
  let reference: string;
  try {
    const r = await requestMyContributionChange(await currentViewer(), todayInBrussels(), {
      estimatedIncomeCents: parseEuros(parsed.data.estimatedIncome)!,
      justification: parsed.data.justification,
    }, await uploadsOf(parsed.data.evidence));
    if (!r.ok) return { ok: false, code: r.code, fieldErrors: r.code === "unchanged" ? { estimatedIncome: ["unchanged"] } : undefined };
    reference = r.reference;
  } catch (error) {
    if (error instanceof EvidenceRefusedError) return evidenceRefused(error);
    if (error instanceof NotFoundError) return { ok: false, code: "notFound" };
    throw error;
  }
  redirect(`/me/requests/${reference}?filed=1`);
}
