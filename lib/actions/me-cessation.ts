"use server";
import { redirect } from "next/navigation";
import { todayInBrussels } from "@/lib/clock";
import { requestMyContinuedInsurance } from "@/lib/dal/requests/request-my-continued-insurance";
import { requestMyJointLiabilityRelease } from "@/lib/dal/requests/request-my-joint-liability-release";
import { continuedInsuranceSchema, jointLiabilityReleaseSchema } from "@/lib/schemas/me-cessation";
import { formInput, uploadsOf } from "./form-input";
import type { ActionResult } from "./result";
import { runAction } from "./run-action";

// Continued insurance and the release from joint liability: filed by their use case, then the status page.

async function filed(r: ActionResult<{ reference: string }>): Promise<ActionResult> {
  if (!r.ok) return r;
  redirect(`/me/requests/${r.data.reference}?filed=1`);
}

/** Continued insurance after cessation: filed for the advisor with the conditions the affiliate saw. */
export async function requestContinuedInsuranceAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return filed(
    await runAction(continuedInsuranceSchema, formInput(formData), async ({ evidence, ...input }, viewer) => requestMyContinuedInsurance(viewer, todayInBrussels(), input, await uploadsOf(evidence))),
  );
}

/** Release from the joint liability for a company's contribution (bound to the company the page shows). */
export async function requestJointLiabilityReleaseAction(companyAffiliateId: string, _prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return filed(
    await runAction(jointLiabilityReleaseSchema, formInput(formData, ["years"]), async ({ evidence, ...input }, viewer) =>
      requestMyJointLiabilityRelease(viewer, todayInBrussels(), companyAffiliateId, input, await uploadsOf(evidence)),
    ),
  );
}
