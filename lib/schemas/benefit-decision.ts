import { z } from "zod";
import { DECISIONS } from "@/lib/dto/requests";

// The decision form of a bridging-right or caregiver request (issue #13, part 5): the request's decision plus, when
// a condition is not met, the explicit override (a checkbox) whose motivation is the text. Browser and server
// validate with it; error messages are keys under bo_errors.

export const OVERRIDE_MOTIVATION_MIN = 10;

export const benefitDecisionSchema = z
  .object({
    requestId: z.string().trim().min(1, "notFound").max(100, "notFound"),
    decision: z.enum(DECISIONS, { message: "decisionRequired" }),
    reasonCode: z.string().trim().max(100, "reasonRequired"),
    text: z.string().trim().max(2000, "textTooLong"),
    // a checkbox: "yes" when ticked (the browser sends nothing, or react-hook-form false, when it is not)
    override: z.preprocess((v) => (v === "yes" || v === true ? "yes" : ""), z.enum(["", "yes"])),
  })
  .superRefine((v, ctx) => {
    if ((v.decision === "refuse" || v.decision === "ask-information") && v.reasonCode === "")
      ctx.addIssue({ code: "custom", path: ["reasonCode"], message: "reasonRequired" });
    if (v.decision === "ask-information" && v.text === "") ctx.addIssue({ code: "custom", path: ["text"], message: "questionRequired" });
    if (v.decision === "accept" && v.override === "yes" && v.text.length < OVERRIDE_MOTIVATION_MIN)
      ctx.addIssue({ code: "custom", path: ["text"], message: "bnOverrideMotivation" });
  });
export type BenefitDecisionFormInput = z.infer<typeof benefitDecisionSchema>;
