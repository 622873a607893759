import { z } from "zod";
import { isIsoDate, isValidEnterpriseNumber, isValidNiss } from "@/lib/domain";

// Shared by the mandate forms (react-hook-form + zodResolver) and their server actions.
const box = z.union([z.literal("yes"), z.literal(""), z.boolean()]).optional();
export const ticked = (v: z.infer<typeof box>) => v === "yes" || v === true;

const optionalDate = z.string().trim().refine((v) => v === "" || isIsoDate(v), "dateInvalid");

/** An ITAA member number: digits, dots and spaces allowed as people write them (e.g. 50.123.456). */
export const itaaNumber = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s.]/g, ""))
  .refine((v) => /^\d{6,10}$/.test(v), "itaaInvalid");

/** The affiliate grants a mandate to an accountant found by their ITAA number. */
export const grantMandateSchema = z
  .object({
    itaaNumber,
    canFileRequests: box,
    receivesNotices: box,
    validFrom: z.string().trim().refine((v) => isIsoDate(v), "dateInvalid"),
    validUntil: optionalDate,
  })
  .refine((d) => d.validUntil === "" || d.validUntil >= d.validFrom, { path: ["validUntil"], message: "untilBeforeFrom" });
export type GrantMandateInput = z.input<typeof grantMandateSchema>;

/** The accountant asks a client for a mandate: the client's national register number or enterprise number. */
export const askMandateSchema = z.object({
  identifier: z
    .string()
    .trim()
    .transform((v) => v.replace(/[\s.\-/]/g, ""))
    .refine((v) => isValidNiss(v) || isValidEnterpriseNumber(v), "identifierInvalid"),
  canFileRequests: box,
  receivesNotices: box,
  validUntil: optionalDate,
});
export type AskMandateInput = z.input<typeof askMandateSchema>;

export const mandateIdSchema = z.object({ id: z.string().trim().min(1).max(40) });
export const answerMandateSchema = z.object({ id: z.string().trim().min(1).max(40), answer: z.enum(["accept", "refuse"]) });
