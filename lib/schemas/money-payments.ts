import { z } from "zod";
import { eurosText } from "./euros";

/** Search of the UNMATCHED queue: free text (name or IBAN) and/or an amount in euros ("1 234,56"). */
export const paymentSearchSchema = z.object({
  q: z.string().trim().max(100, "queryTooLong").optional().default(""),
  amount: eurosText("amount").optional().default(""),
});
export type PaymentSearchInput = z.input<typeof paymentSearchSchema>;

export const paymentMatchSchema = z.object({
  paymentId: z.string().trim().min(1, "paymentRequired").max(40),
  callId: z.string().trim().min(1, "callRequired").max(60),
});
export type PaymentMatchInput = z.infer<typeof paymentMatchSchema>;

export const paymentReturnSchema = z.object({
  paymentId: z.string().trim().min(1, "paymentRequired").max(40),
  reason: z.string().trim().min(5, "reasonTooShort").max(500, "reasonTooLong"),
});
export type PaymentReturnInput = z.infer<typeof paymentReturnSchema>;

/** Finding the dossier to match a payment to: its member number or the holder's name. */
export const dossierLookupSchema = z.object({
  dossier: z.string().trim().min(2, "dossierTooShort").max(100, "queryTooLong"),
});
