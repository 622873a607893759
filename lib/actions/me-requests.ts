"use server";
import { redirect } from "next/navigation";
import { todayInBrussels } from "@/lib/clock";
import { askMyAdvisor } from "@/lib/dal/requests/ask-my-advisor";
import { replyToMyRequest } from "@/lib/dal/requests/reply-to-my-request";
import { requestMyPaymentPlan } from "@/lib/dal/requests/request-my-payment-plan";
import { requestMyContributionChange } from "@/lib/dal/contributions/request-my-contribution-change";
import { requestMyEndOfActivity } from "@/lib/dal/requests/request-my-end-of-activity";
import { requestMyIllnessAssimilation } from "@/lib/dal/requests/request-my-illness-assimilation";
import { contributionChangeSchema, endOfActivitySchema, illnessAssimilationSchema, paymentPlanRequestSchema, questionRequestSchema, replySchema } from "@/lib/schemas/me-requests";
import { parseEuros } from "@/lib/domain/parse-euros";
import { formInput, uploadsOf } from "./form-input";
import type { ActionResult } from "./result";
import { fields, runAction } from "./run-action";

// Each request is filed by its use case, then the status page shows its reference.

async function filed(r: ActionResult<{ reference: string }>): Promise<ActionResult> {
  if (!r.ok) return r;
  redirect(`/me/requests/${r.data.reference}?filed=1`);
}

/** Payment plan request: decided at once inside the policy. */
export async function requestPaymentPlanAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return filed(await runAction(paymentPlanRequestSchema, fields(formData), (d, viewer) => requestMyPaymentPlan(viewer, todayInBrussels(), { months: Number(d.months) })));
}

/** Question or complaint to the named advisor (thread + message + e-mail). */
export async function askAdvisorAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return filed(
    await runAction(questionRequestSchema, formInput(formData), async ({ evidence, ...input }, viewer) => askMyAdvisor(viewer, todayInBrussels(), input, await uploadsOf(evidence))),
  );
}

/** Reduction or increase of the provisional contributions (the kind follows from the new amount). */
export async function requestContributionChangeAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return filed(
    await runAction(contributionChangeSchema, formInput(formData), async (d, viewer) =>
      requestMyContributionChange(viewer, todayInBrussels(), { estimatedIncomeCents: parseEuros(d.estimatedIncome)!, justification: d.justification }, await uploadsOf(d.evidence)),
    ),
  );
}

/** End of activity (cessation): filed for the advisor with the effect on the calls the affiliate saw. */
export async function requestEndOfActivityAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return filed(
    await runAction(endOfActivitySchema, formInput(formData), async ({ evidence, ...input }, viewer) => requestMyEndOfActivity(viewer, todayInBrussels(), input, await uploadsOf(evidence))),
  );
}

/** Assimilation for illness: filed for the advisor with the incapacity certificate. */
export async function requestIllnessAssimilationAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return filed(
    await runAction(illnessAssimilationSchema, formInput(formData), async ({ evidence, ...input }, viewer) => requestMyIllnessAssimilation(viewer, todayInBrussels(), input, await uploadsOf(evidence))),
  );
}

/** The affiliate's message on their request (bound to its reference): text and/or evidence; an answer to a request
 *  for information puts the request back in review. Ends on the request page. */
export async function replyToMyRequestAction(reference: string, _prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const r = await runAction(replySchema, formInput(formData), async ({ evidence, body }, viewer) => replyToMyRequest(viewer, reference, { body }, await uploadsOf(evidence), todayInBrussels()));
  if (!r.ok) return r;
  redirect(`/me/requests/${encodeURIComponent(reference)}?replied=1`);
}
