import { z } from "zod";
import { eurosText } from "./euros";
import { optionalEvidenceSchema, requiredEvidenceSchema } from "./me-evidence";
import { isIsoDate } from "@/lib/domain/dates";

// Shared by the request forms (react-hook-form + zodResolver) and their server actions. Messages are codes,
// translated under ss_form.errors.
export const paymentPlanRequestSchema = z.object({
  months: z.string().trim().regex(/^\d{1,2}$/, "monthsRequired").refine((v) => Number(v) >= 1 && Number(v) <= 36, "monthsRange"),
});
export type PaymentPlanRequestInput = z.infer<typeof paymentPlanRequestSchema>;

export const questionRequestSchema = z.object({
  kind: z.enum(["QUESTION", "COMPLAINT"], { message: "kindRequired" }),
  subject: z.string().trim().min(3, "subjectTooShort").max(150, "subjectTooLong"),
  body: z.string().trim().min(10, "bodyTooShort").max(5000, "bodyTooLong"),
  evidence: optionalEvidenceSchema,
});
export type QuestionRequestInput = z.infer<typeof questionRequestSchema>;

export const contributionChangeSchema = z.object({
  estimatedIncome: eurosText("income", true),
  justification: z.string().trim().min(10, "justificationTooShort").max(2000, "justificationTooLong"),
  evidence: optionalEvidenceSchema,
});
export type ContributionChangeInput = z.infer<typeof contributionChangeSchema>;

/** End of activity: the last day of self-employed activity (checked against the affiliation on the server). */
export const endOfActivitySchema = z.object({
  lastDayOn: z.string().trim().min(1, "dateRequired").refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isIsoDate(v), "dateInvalid"),
  motivation: z.string().trim().max(2000, "justificationTooLong"),
  evidence: optionalEvidenceSchema,
});
export type EndOfActivityInput = z.infer<typeof endOfActivitySchema>;

/** Assimilation for illness: the start of the recognised incapacity, the resumption if known, the certificate. */
export const illnessAssimilationSchema = z.object({
  incapacityStartOn: z.string().trim().min(1, "dateRequired").refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isIsoDate(v), "dateInvalid"),
  resumptionOn: z.string().trim().refine((v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && isIsoDate(v)), "dateInvalid"),
  motivation: z.string().trim().max(2000, "justificationTooLong"),
  evidence: requiredEvidenceSchema,
});
export type IllnessAssimilationInput = z.infer<typeof illnessAssimilationSchema>;

/** A message in a request's conversation: the advisor's answer (back office) or the affiliate's reply, with
 *  optional attachments checked like evidence. The affiliate may send only files (the evidence asked for). */
export const answerSchema = z.object({
  body: z.string().trim().min(2, "answerTooShort").max(5000, "bodyTooLong"),
  evidence: optionalEvidenceSchema,
});
export type AnswerInput = z.infer<typeof answerSchema>;

export const replySchema = z
  .object({
    body: z.string().trim().max(5000, "bodyTooLong"),
    evidence: optionalEvidenceSchema,
  })
  .superRefine((v, ctx) => {
    if (v.body === "" && v.evidence.length === 0) ctx.addIssue({ code: "custom", path: ["body"], message: "replyEmpty" });
  });
export type ReplyInput = z.infer<typeof replySchema>;
