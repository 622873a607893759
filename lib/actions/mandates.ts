"use server";
import { revalidatePath } from "next/cache";
import { decideMandate } from "@/lib/dal/payments/decide-mandate";
import { mandateDecisionSchema, type MandateDecisionInput } from "@/lib/schemas/mandates";
import type { ActionResult } from "./result";
import { runAction } from "./run-action";

/** An advisor confirms or refuses a requested mandate (dossier page): the decision, once, audited and told by e-mail. */
export async function decideMandateAction(input: MandateDecisionInput): Promise<ActionResult<{ status: "ACTIVE" | "REFUSED" }>> {
  const r = await runAction(mandateDecisionSchema, input, (d, viewer) => decideMandate(viewer, d));
  if (r.ok) revalidatePath("/staff/direct-debits");
  return r;
}
