"use server";
import { revalidatePath } from "next/cache";
import { todayInBrussels } from "@/lib/clock";
import { requestDirectDebitMandate } from "@/lib/dal/payments/request-direct-debit-mandate";
import { mandateRequestSchema } from "@/lib/schemas/me-pay";
import type { ActionResult } from "./result";
import { fields, runAction } from "./run-action";

/** Direct-debit mandate request from the pay page: a PENDING mandate with its unique reference. */
export async function requestMandateAction(_prev: ActionResult<{ reference: string }> | null, formData: FormData): Promise<ActionResult<{ reference: string }>> {
  const r = await runAction(mandateRequestSchema, fields(formData), async (d, viewer) => ({ reference: (await requestDirectDebitMandate(viewer, todayInBrussels(), { iban: d.iban })).reference }));
  if (r.ok) revalidatePath("/me/pay");
  return r;
}
