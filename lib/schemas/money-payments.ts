import { z } from "zod";

/** Search of the UNMATCHED queue: free text (name or IBAN) and/or an amount in euros ("123,45" or "123.45"). */
export const paymentSearchSchema = z.object({
  q: z.string().trim().max(100, "queryTooLong").optional().default(""),
  amount: z
    .string()
    .trim()
    .optional()
    .default("")
    .refine((v) => v === "" || /^\d{1,9}([.,]\d{1,2})?$/.test(v), "amountInvalid"),
});
export type PaymentSearchInput = z.input<typeof paymentSearchSchema>;

/** "123,45" → 12345 cents; null for an empty or malformed amount. */
export function amountToCents(value: string): number | null {
  const m = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(value.trim());
  return m ? Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0")) : null;
}

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
