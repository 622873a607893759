"use server";
import { todayInBrussels } from "@/lib/clock";
import { currentViewer } from "@/lib/auth/session";
import { fileAffiliationRequest } from "@/lib/dal/backoffice-affiliation";
import { affiliationSchema } from "@/lib/schemas/backoffice-affiliation";
import type { ActionResult } from "./result";

/** The public affiliation form (no login): zod schema → DAL → the request's reference. */
export async function fileAffiliationAction(_prev: unknown, formData: FormData): Promise<ActionResult<{ reference: string }>> {
  const parsed = affiliationSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
    return { ok: false, code: "validation", fieldErrors };
  }
  return { ok: true, data: await fileAffiliationRequest(await currentViewer(), parsed.data, todayInBrussels()) };
}
