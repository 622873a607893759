"use server";
import { revalidatePath } from "next/cache";
import { currentViewer } from "@/lib/auth/session";
import { saveGuide } from "@/lib/dal/guides/save-guide";
import { LOCALES } from "@/lib/i18n/config";
import { guideFormSchema } from "@/lib/schemas/guides";
import { AppError, isBusyError } from "@/lib/errors";
import type { GuideText } from "@/lib/dto/guides";

export type GuideFormState = { ok: boolean; code?: string; fieldErrors?: Record<string, string>; values?: Record<string, string>; savedAt?: string } | null;

const FIELDS = ["title", "summary", "mustDo", "deadlines", "fundDoes", "links"] as const;

/** Saves a guide in every language at once; on an error the form gets back what was typed, and each field its error
 *  (keys "fr.title", "de.links"…). */
export async function saveGuideAction(slug: string, _prev: GuideFormState, formData: FormData): Promise<GuideFormState> {
  const values = Object.fromEntries(LOCALES.flatMap((l) => FIELDS.map((f) => [`${l}.${f}`, String(formData.get(`${l}.${f}`) ?? "")])));
  const raw = Object.fromEntries(LOCALES.map((l) => [l, Object.fromEntries(FIELDS.map((f) => [f, values[`${l}.${f}`]]))]));
  const parsed = guideFormSchema(LOCALES).safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.slice(0, 2).join(".")] ??= issue.message;
    return { ok: false, code: "validation", fieldErrors, values };
  }
  try {
    await saveGuide(await currentViewer(), slug, parsed.data as Record<string, GuideText>, String(formData.get("version") ?? ""));
  } catch (error) {
    if (error instanceof AppError) return { ok: false, code: error.code, values };
    if (isBusyError(error)) return { ok: false, code: "busy", values };
    throw error;
  }
  revalidatePath(`/guides/${slug}`);
  revalidatePath(`/staff/guides/${slug}`);
  return { ok: true, savedAt: new Date().toISOString() };
}
