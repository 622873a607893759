import { INSTITUTIONS } from "@/lib/domain/competent-institutions";
import { z } from "zod";
import { DECISIONS } from "@/lib/dto/requests";
import { DB_RECOVERY_STEPS } from "@/lib/dto/recovery";
import { DOSSIER_VIEW_REASONS } from "@/lib/dto/dossiers";
import { isIsoDate } from "@/lib/domain";
import { eurosText } from "./euros";

// The back office's forms: the same schema validates in the browser (react-hook-form) and in the server action.
// Error messages are message keys under bo_errors.

const id = z.string().trim().min(1, "notFound").max(100, "notFound");

export const decisionSchema = z
  .object({
    requestId: id,
    decision: z.enum(DECISIONS, { message: "decisionRequired" }),
    reasonCode: z.string().trim().max(100, "reasonRequired"),
    text: z.string().trim().max(2000, "textTooLong"),
  })
  .superRefine((v, ctx) => {
    if ((v.decision === "refuse" || v.decision === "ask-information") && v.reasonCode === "")
      ctx.addIssue({ code: "custom", path: ["reasonCode"], message: "reasonRequired" });
    // the text of a request for information is the question the affiliate reads and answers
    if (v.decision === "ask-information" && v.text === "") ctx.addIssue({ code: "custom", path: ["text"], message: "questionRequired" });
  });
export type DecisionFormInput = z.infer<typeof decisionSchema>;

export const approvalSchema = z.object({
  requestId: id,
  approve: z.enum(["yes", "no"], { message: "decisionRequired" }),
  reason: z.string().trim().max(500, "textTooLong"),
});

export const assignSchema = z.object({ requestId: id, assigneeId: id });
export const dossierAdvisorSchema = z.object({ affiliateId: id, advisorId: id });

export const noteSchema = z.object({
  affiliateId: id,
  body: z.string().trim().min(2, "noteRequired").max(4000, "noteTooLong"),
});

export const recoveryStepSchema = z.object({
  caseId: id,
  kind: z.enum(DB_RECOVERY_STEPS, { message: "stepRequired" }),
  note: z.string().trim().max(2000, "textTooLong"),
  cost: eurosText("cost"),
});

export const writeOffSchema = z.object({ caseId: id, note: z.string().trim().max(2000, "textTooLong") });

export const viewReasonSchema = z.enum(DOSSIER_VIEW_REASONS);

export const birthSchema = z.object({
  affiliateId: id,
  bornOn: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "birthDateInvalid"),
});

/** A real calendar day written 'YYYY-MM-DD' (2026-02-30 is refused on the field itself). */
export const isoDay = z
  .string()
  .trim()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isIsoDate(v), "dateInvalid");

/** Forwarding an exemption or a surcharge waiver to INASTI, with the date it was sent. */
export const forwardInastiSchema = z.object({ requestId: id, sentOn: isoDay });

/** A question that is another institution's: to whom it is forwarded, and a word for the affiliate (optional). */
export const forwardQuestionSchema = z.object({
  requestId: id,
  institution: z.enum(INSTITUTIONS, { message: "institutionRequired" }),
  text: z.string().trim().max(2000, "textTooLong"),
});

/** INASTI's decision on a forwarded request: accepted or refused, its date and INASTI's reference. */
export const inastiDecisionSchema = z.object({
  requestId: id,
  outcome: z.enum(["accepted", "refused"], { message: "outcomeRequired" }),
  decidedOn: isoDay,
  inastiReference: z.string().trim().min(1, "inastiReferenceRequired").max(100, "textTooLong"),
  note: z.string().trim().max(2000, "textTooLong"),
});

/** Completing an accepted affiliation (welcome pack, first calls, e-mail) when something is missing. */
export const welcomeSchema = z.object({ requestId: id });
