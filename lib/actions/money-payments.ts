"use server";
import { matchPayment } from "@/lib/dal/payments/match-payment";
import { returnPayment } from "@/lib/dal/payments/return-payment";
import { paymentMatchSchema, paymentReturnSchema, type PaymentMatchInput, type PaymentReturnInput } from "@/lib/schemas/money-payments";
import type { ActionResult } from "./result";
import { runAction } from "./run-action";

// no revalidatePath: the queue pages are dynamic (read fresh on every visit), and revalidating would re-render
// the payment's page under the form, replacing the result the advisor is reading

export async function matchPaymentAction(input: PaymentMatchInput): Promise<ActionResult<{ allocatedCents: number; unallocatedCents: number }>> {
  return runAction(paymentMatchSchema, input, (d, viewer) => matchPayment(viewer, d));
}

export async function returnPaymentAction(input: PaymentReturnInput): Promise<ActionResult> {
  return runAction(paymentReturnSchema, input, async (d, viewer) => void (await returnPayment(viewer, d)));
}
