"use server";
import { currentViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/auth/viewer";
import { matchPayment, returnPayment } from "@/lib/dal/money-payments";
import { paymentMatchSchema, paymentReturnSchema, type PaymentMatchInput, type PaymentReturnInput } from "@/lib/schemas/money-payments";
import type { ActionResult } from "./result";

export async function matchPaymentAction(input: PaymentMatchInput): Promise<ActionResult<{ allocatedCents: number; unallocatedCents: number }>> {
  const parsed = paymentMatchSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "validation", fieldErrors: parsed.error.flatten().fieldErrors as Record<string, string[]> };
  try {
    // no revalidatePath: the queue pages are dynamic (read fresh on every visit), and revalidating would re-render
    // this payment's page under the form, replacing the result the advisor is reading
    const data = await matchPayment(await currentViewer(), parsed.data);
    return { ok: true, data };
  } catch (error) {
    if (error instanceof NotFoundError) return { ok: false, code: "notFound" };
    throw error;
  }
}

export async function returnPaymentAction(input: PaymentReturnInput): Promise<ActionResult> {
  const parsed = paymentReturnSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "validation", fieldErrors: parsed.error.flatten().fieldErrors as Record<string, string[]> };
  try {
    await returnPayment(await currentViewer(), parsed.data);
    return { ok: true, data: undefined };
  } catch (error) {
    if (error instanceof NotFoundError) return { ok: false, code: "notFound" };
    throw error;
  }
}
