import { z } from "zod";
import { BULLETIN_TOPICS, CONTACT_CHANNELS } from "@/lib/dto/information";
import { optionalEvidenceSchema } from "./me-evidence";

// Shared by the forms (react-hook-form + zodResolver) and their server actions: a contact recorded on a dossier, an
// issue of the bulletin, the affiliate's bulletin topics. Error messages are keys under ss_form.errors.

const isoDay = z.string().trim().min(1, "dateRequired").regex(/^\d{4}-\d{2}-\d{2}$/, "dateInvalid");

export const contactSchema = z.object({
  affiliateId: z.string().min(1),
  channel: z.enum(CONTACT_CHANNELS, { message: "channelRequired" }),
  occurredOn: isoDay,
  summary: z.string().trim().min(3, "summaryRequired").max(4000, "summaryTooLong"),
  /** the scanned letter, if any (one file; checked by content on the server) */
  evidence: optionalEvidenceSchema,
});
export type ContactInput = z.infer<typeof contactSchema>;

const optionalText = (max: number, code: string) => z.string().trim().max(max, code).optional().default("");

export const bulletinSchema = z
  .object({
    id: z.string().optional().default(""),
    topic: z.enum(BULLETIN_TOPICS, { message: "topicRequired" }),
    titleFr: optionalText(150, "titleTooLong"),
    bodyFr: optionalText(10000, "bodyTooLongBulletin"),
    titleNl: optionalText(150, "titleTooLong"),
    bodyNl: optionalText(10000, "bodyTooLongBulletin"),
  })
  .superRefine((v, ctx) => {
    // a language is whole (title and text) or absent, and at least one is there
    for (const [title, body] of [["titleFr", "bodyFr"], ["titleNl", "bodyNl"]] as const) {
      if (v[title] && !v[body]) ctx.addIssue({ code: "custom", path: [body], message: "bulletinBodyRequired" });
      if (v[body] && !v[title]) ctx.addIssue({ code: "custom", path: [title], message: "bulletinTitleRequired" });
    }
    if (!v.titleFr && !v.bodyFr && !v.titleNl && !v.bodyNl) ctx.addIssue({ code: "custom", path: ["titleFr"], message: "bulletinLanguageRequired" });
  });
export type BulletinInput = z.input<typeof bulletinSchema>;

export const topicsSchema = z.object({
  // react-hook-form gives the ticked values, a lone value or false; the server action all the ticked values
  topics: z.preprocess((v) => (Array.isArray(v) ? v : typeof v === "string" && v ? [v] : []), z.array(z.enum(BULLETIN_TOPICS))),
});
export type TopicsInput = z.input<typeof topicsSchema>;
