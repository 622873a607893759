import { z } from "zod";
import { isValidBelgianIban, isValidEnterpriseNumber, isValidNiss, isIsoDate, normalizeIban } from "@/lib/domain";

// The public affiliation request: the same schema in the browser (react-hook-form) and in the server action.
// Error messages are keys under bo_affiliation.errors.

const niss = z.string().trim().transform((v) => v.replace(/[\s.-]/g, "")).refine((v) => isValidNiss(v), "nissInvalid");
const optionalNiss = z.string().trim().transform((v) => v.replace(/[\s.-]/g, "")).refine((v) => v === "" || isValidNiss(v), "nissInvalid");

export const AFFILIATION_CATEGORIES = ["MAIN", "COMPLEMENTARY", "HELPING_SPOUSE", "STUDENT", "ACTIVE_PENSIONER"] as const;

export const affiliationSchema = z
  .object({
    firstName: z.string().trim().min(1, "firstNameRequired").max(100, "tooLong"),
    lastName: z.string().trim().min(1, "lastNameRequired").max(100, "tooLong"),
    niss,
    email: z.string().trim().min(1, "emailRequired").max(200, "tooLong").email("emailInvalid"),
    phone: z.string().trim().max(30, "tooLong"),
    street: z.string().trim().min(1, "streetRequired").max(200, "tooLong"),
    postalCode: z.string().trim().regex(/^\d{4}$/, "postalCodeInvalid"),
    city: z.string().trim().min(1, "cityRequired").max(100, "tooLong"),
    language: z.enum(["fr", "nl", "de"], { message: "languageRequired" }),
    startOn: z.string().trim().refine((v) => isIsoDate(v), "dateInvalid"),
    category: z.enum(AFFILIATION_CATEGORIES, { message: "categoryRequired" }),
    helpedNiss: optionalNiss,
    enterpriseNumber: z.string().trim().transform((v) => v.replace(/^BE/i, "").replace(/[\s.-]/g, "")).refine((v) => v === "" || isValidEnterpriseNumber(v), "enterpriseInvalid"),
    companyName: z.string().trim().max(200, "tooLong"),
    iban: z.string().trim().transform((v) => normalizeIban(v)).refine((v) => v === "" || isValidBelgianIban(v), "ibanInvalid"),
    consent: z.literal("yes", { message: "consentRequired" }),
  })
  .superRefine((v, ctx) => {
    if (v.category === "HELPING_SPOUSE" && v.helpedNiss === "") ctx.addIssue({ code: "custom", path: ["helpedNiss"], message: "helpedNissRequired" });
    if (v.enterpriseNumber !== "" && v.companyName === "") ctx.addIssue({ code: "custom", path: ["companyName"], message: "companyNameRequired" });
  });
export type AffiliationInput = z.output<typeof affiliationSchema>;
export type AffiliationFormValues = z.input<typeof affiliationSchema>;
