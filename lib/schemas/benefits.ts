import { z } from "zod";
import { isoDay } from "@/lib/schemas/backoffice-forms";
import { eurosText } from "./euros";

// The benefit-handling forms: the same schema validates in the browser (react-hook-form) and in the server action.
// Error messages are message keys under bn_errors.

const id = z.string().trim().min(1, "notFound").max(100, "notFound");

export const BENEFIT_TYPES = ["MATERNITY_AID", "BRIDGING_RIGHT", "CAREGIVER_ALLOWANCE"] as const;
export const BENEFIT_STATUSES = ["OFFERED", "CLAIMED", "GRANTED", "REFUSED", "PAID", "WITHDRAWN"] as const;

export const grantSchema = z.object({ claimId: id });

export const benefitPaymentSchema = z.object({
  claimId: id,
  amount: eurosText("amount", true),
  paidOn: isoDay,
  /** how many payments the claim had when the form was shown: a second submission of the same form is refused */
  recorded: z.string().regex(/^\d{1,4}$/, "notFound"),
});
export type BenefitPaymentInput = z.infer<typeof benefitPaymentSchema>;

export const sentToHealthInsurerSchema = z.object({ paymentId: id });

export const claimFiltersSchema = z.object({
  type: z.enum(BENEFIT_TYPES).optional().catch(undefined),
  status: z.enum(BENEFIT_STATUSES).optional().catch(undefined),
});
