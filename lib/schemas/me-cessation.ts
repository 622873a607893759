import { z } from "zod";
import { isIsoDate } from "@/lib/domain/dates";
import { CONTINUED_INSURANCE_OPTIONS } from "@/lib/domain/continued-insurance";
import { optionalEvidenceSchema } from "./me-evidence";

// Continued insurance (DOMAIN.md §3.7) and a director's release from the joint liability (§1.17): shared by the forms
// (react-hook-form + zodResolver) and their server actions. Messages are codes translated under ss_form.errors.

export const CONTINUED_INSURANCE_QUARTERS = ["1", "2", "3", "4", "5", "6", "7", "8"] as const;
const yesNo = z.preprocess((v) => v === true || v === "yes" || v === "on", z.boolean());

/** The end of the activity is asked only when the dossier does not know it (an empty value otherwise). */
export const continuedInsuranceSchema = z.object({
  option: z.enum(CONTINUED_INSURANCE_OPTIONS, { message: "optionRequired" }),
  cessationOn: z.string().trim().refine((v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && isIsoDate(v)), "dateInvalid"),
  quarters: z.enum(CONTINUED_INSURANCE_QUARTERS, { message: "quartersRange" }),
  noOtherStatus: yesNo.refine((v) => v, "noOtherStatusRequired"),
  motivation: z.string().trim().max(2000, "justificationTooLong"),
  evidence: optionalEvidenceSchema,
});
export type ContinuedInsuranceInput = z.infer<typeof continuedInsuranceSchema>;

/** The years concerned (a group of checkboxes: an array in the browser, repeated entries on the server) and why. */
export const jointLiabilityReleaseSchema = z.object({
  years: z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === "string" && v !== "" ? [v] : []).filter((x) => typeof x === "string" && x !== ""),
    z.array(z.string().regex(/^\d{4}$/, "yearsRequired")).min(1, "yearsRequired").max(20, "yearsRequired"),
  ),
  motivation: z.string().trim().min(20, "motivationTooShort").max(4000, "motivationTooLong"),
  evidence: optionalEvidenceSchema,
});
export type JointLiabilityReleaseInput = z.infer<typeof jointLiabilityReleaseSchema>;
