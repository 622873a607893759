"use server";
import { revalidatePath } from "next/cache";
import { todayInBrussels } from "@/lib/clock";
import { decideRequest } from "@/lib/dal/requests/decide-request";
import { benefitDecisionSchema } from "@/lib/schemas/benefit-decision";
import { fields, runAction } from "./run-action";

/** The decision on a bridging-right or caregiver request, with the override of unmet conditions when ticked. */
export async function decideBenefitRequestAction(_prev: unknown, formData: FormData) {
  return runAction(benefitDecisionSchema, fields(formData), async (d, viewer) => {
    const out = await decideRequest(viewer, { requestId: d.requestId, decision: d.decision, reasonCode: d.reasonCode, text: d.text, override: d.override === "yes" }, todayInBrussels());
    revalidatePath(`/staff/requests/${d.requestId}`);
    return out.awaitingSecondApproval ? "proposed" : "saved";
  });
}
