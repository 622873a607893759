import { z } from "zod";
import { isGuideHref } from "@/lib/dto/guides";

// The guide editor: per language a title, a summary and lists written one item per line; links as "label | address".
const lines = (max: number) =>
  z
    .string()
    .max(4000, "guideTooLong")
    .transform((v) => v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))
    .refine((l) => l.length <= max, "guideTooManyLines");

const links = z
  .string()
  .max(4000, "guideTooLong")
  .transform((v) => v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => { const [label, href = ""] = l.split("|").map((x) => x.trim()); return { label, href }; }))
  .refine((l) => l.length <= 12, "guideTooManyLines")
  .refine((l) => l.every((x) => x.label.length > 0 && isGuideHref(x.href)), "guideLinkInvalid");

export const guideTextSchema = z.object({
  title: z.string().trim().min(3, "guideTitleRequired").max(120, "guideTooLong"),
  summary: z.string().trim().min(3, "guideSummaryRequired").max(400, "guideTooLong"),
  mustDo: lines(10),
  deadlines: lines(10),
  fundDoes: lines(10),
  links,
});

/** The form's flat fields: `fr.title`, `fr.mustDo`, … one set per language. */
export function guideFormSchema(languages: readonly string[]) {
  return z.object(Object.fromEntries(languages.map((l) => [l, guideTextSchema])));
}
