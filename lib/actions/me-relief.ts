"use server";
import { redirect } from "next/navigation";
import { todayInBrussels } from "@/lib/clock";
import { requestMyExemption } from "@/lib/dal/requests/request-my-exemption";
import { requestMySurchargeWaiver } from "@/lib/dal/requests/request-my-surcharge-waiver";
import { requestMyBridgingRight } from "@/lib/dal/benefits/request-my-bridging-right";
import { requestMyCaregiverAllowance } from "@/lib/dal/benefits/request-my-caregiver-allowance";
import { bridgingRightRequestSchema, caregiverAllowanceRequestSchema, exemptionRequestSchema, surchargeWaiverRequestSchema } from "@/lib/schemas/me-relief";
import { formInput, uploadsOf } from "./form-input";
import type { ActionResult } from "./result";
import { runAction } from "./run-action";

// Exemption, surcharge waiver, bridging right and caregiver allowance: runAction (the forms' schema → use case),
// then the status page. A refused evidence file comes back as a field error naming the file; nothing is written.

async function filed(r: ActionResult<{ reference: string }>): Promise<ActionResult> {
  if (!r.ok) return r;
  redirect(`/me/requests/${r.data.reference}?filed=1`);
}

export async function requestExemptionAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return filed(await runAction(exemptionRequestSchema, formInput(formData, ["callIds"]), async ({ evidence, ...input }, viewer) => requestMyExemption(viewer, todayInBrussels(), input, await uploadsOf(evidence))));
}

export async function requestSurchargeWaiverAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return filed(await runAction(surchargeWaiverRequestSchema, formInput(formData, ["callIds"]), async ({ evidence, ...input }, viewer) => requestMySurchargeWaiver(viewer, todayInBrussels(), input, await uploadsOf(evidence))));
}

export async function requestBridgingRightAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return filed(await runAction(bridgingRightRequestSchema, formInput(formData), async ({ evidence, ...input }, viewer) => requestMyBridgingRight(viewer, todayInBrussels(), input, await uploadsOf(evidence))));
}

export async function requestCaregiverAllowanceAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return filed(await runAction(caregiverAllowanceRequestSchema, formInput(formData), async ({ evidence, ...input }, viewer) => requestMyCaregiverAllowance(viewer, todayInBrussels(), input, await uploadsOf(evidence))));
}
