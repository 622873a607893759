import { z } from "zod";
import { isValidBelgianIban } from "@/lib/domain";

// Shared by the mandate form (react-hook-form + zodResolver) and its server action: one schema, one set of codes.
export const mandateRequestSchema = z.object({
  iban: z.string().trim().min(1, "ibanRequired").refine((v) => isValidBelgianIban(v), "invalidIban"),
  consent: z.literal("yes", { message: "consentRequired" }),
});
export type MandateRequestInput = z.infer<typeof mandateRequestSchema>;
