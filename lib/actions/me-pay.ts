"use server";
import { revalidatePath } from "next/cache";
import { currentViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/auth/viewer";
import { todayInBrussels } from "@/lib/clock";
import { requestDirectDebitMandate } from "@/lib/dal/me-account";
import { mandateRequestSchema } from "@/lib/schemas/me-pay";
import type { ActionResult } from "./result";

/** Direct-debit mandate request from the pay page: a PENDING mandate with its unique reference. */
export async function requestMandateAction(_prev: ActionResult<{ reference: string }> | null, formData: FormData): Promise<ActionResult<{ reference: string }>> {
  const parsed = mandateRequestSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, code: "validation", fieldErrors: parsed.error.flatten().fieldErrors as Record<string, string[]> };
  try {
    const r = await requestDirectDebitMandate(await currentViewer(), todayInBrussels(), { iban: parsed.data.iban });
    if (!r.ok) return { ok: false, code: r.code, fieldErrors: r.code === "invalidIban" ? { iban: ["invalidIban"] } : undefined };
    revalidatePath("/me/pay");
    return { ok: true, data: { reference: r.mandate.reference } };
  } catch (error) {
    if (error instanceof NotFoundError) return { ok: false, code: "notFound" };
    throw error;
  }
}
