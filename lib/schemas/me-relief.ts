import { z } from "zod";
import { isIsoDate } from "@/lib/domain/dates";
import { EXEMPTION_REASONS } from "@/lib/domain/check-exemption-eligibility";
import { WAIVER_GROUNDS } from "@/lib/domain/check-surcharge-waiver-eligibility";
import { optionalEvidenceSchema, requiredEvidenceSchema } from "./me-evidence";

// Exemption (§1.12), surcharge waiver (§1.14), bridging right (§3.5) and caregiver allowance (§3.6) requests:
// shared by the forms (react-hook-form + zodResolver) and their server actions. Messages are codes translated under
// ss_form.errors. The request payloads are exactly the parsed values minus the evidence.

/** Checkbox groups: an array on the client (or a single string / false), repeated FormData entries on the server. */
const idList = z.preprocess(
  (v) => (Array.isArray(v) ? v : typeof v === "string" && v !== "" ? [v] : []).filter((x) => typeof x === "string" && x !== ""),
  z.array(z.string().max(40)).min(1, "callsRequired").max(24, "callsRequired"),
);
const motivation = z.string().trim().min(20, "motivationTooShort").max(4000, "motivationTooLong");
const isoDay = z.string().trim().min(1, "dateRequired").refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isIsoDate(v), "dateInvalid");
const yesNo = z.preprocess((v) => v === true || v === "yes" || v === "on", z.boolean());

export const exemptionRequestSchema = z.object({
  callIds: idList,
  reason: z.enum(EXEMPTION_REASONS, { message: "reasonRequired" }),
  motivation,
  evidence: optionalEvidenceSchema,
});
export type ExemptionRequestInput = z.infer<typeof exemptionRequestSchema>;

export const surchargeWaiverRequestSchema = z.object({
  callIds: idList,
  ground: z.enum(WAIVER_GROUNDS, { message: "groundRequired" }),
  motivation,
  evidence: optionalEvidenceSchema,
});
export type SurchargeWaiverRequestInput = z.infer<typeof surchargeWaiverRequestSchema>;

export const BRIDGING_CASES = ["BANKRUPTCY", "DEBT_SETTLEMENT", "FORCED_INTERRUPTION", "ECONOMIC_DIFFICULTIES"] as const;
export const bridgingRightRequestSchema = z.object({
  case: z.enum(BRIDGING_CASES, { message: "caseRequired" }),
  eventOn: isoDay,
  familyCharge: yesNo,
  motivation,
  evidence: requiredEvidenceSchema,
});
export type BridgingRightRequestInput = z.infer<typeof bridgingRightRequestSchema>;

export const CAREGIVER_INTERRUPTIONS = ["FULL", "HALF"] as const;
export const CAREGIVER_CARE_FOR = ["PARTNER", "RELATIVE", "DISABLED_CHILD", "PALLIATIVE"] as const;
export const CAREGIVER_MONTHS = ["1", "2", "3", "4", "5", "6"] as const;
export const caregiverAllowanceRequestSchema = z.object({
  interruption: z.enum(CAREGIVER_INTERRUPTIONS, { message: "interruptionRequired" }),
  startOn: isoDay,
  months: z.enum(CAREGIVER_MONTHS, { message: "caregiverMonthsRange" }),
  careFor: z.enum(CAREGIVER_CARE_FOR, { message: "careForRequired" }),
  motivation,
  evidence: requiredEvidenceSchema,
});
export type CaregiverAllowanceRequestInput = z.infer<typeof caregiverAllowanceRequestSchema>;
