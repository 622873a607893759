import { z } from "zod";
import { MANDATE_REFUSAL_REASONS } from "@/lib/dto/mandates";

// The advisor's decision on a requested mandate, shared by the form (react-hook-form + zodResolver) and the
// server action: confirm, or refuse with a reason — and words of one's own when the reason is "other".
export const mandateDecisionSchema = z
  .object({
    mandateId: z.string().trim().min(1, "mandateRequired").max(40),
    decision: z.enum(["confirm", "refuse"], { message: "decisionRequired" }),
    reason: z.string().trim().optional().default(""),
    note: z.string().trim().max(500, "noteTooLong").optional().default(""),
  })
  .superRefine((v, ctx) => {
    if (v.decision !== "refuse") return;
    if (!(MANDATE_REFUSAL_REASONS as readonly string[]).includes(v.reason)) ctx.addIssue({ code: "custom", path: ["reason"], message: "reasonRequired" });
    else if (v.reason === "other" && v.note.length < 5) ctx.addIssue({ code: "custom", path: ["note"], message: "noteRequired" });
  });
export type MandateDecisionInput = z.input<typeof mandateDecisionSchema>;
