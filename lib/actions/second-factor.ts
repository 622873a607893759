"use server";
import { z } from "zod";
import { currentSignIn } from "@/lib/auth/session";
import { confirmEnrolment } from "@/lib/auth/second-factor";
import { markSecondFactor } from "@/lib/auth/sessions";
import type { ActionResult } from "./result";
import { fieldErrorsOf } from "./run-action";

const schema = z.object({ code: z.string().trim().regex(/^\d{6}$/, "codeFormat") });

/** A staff member confirms their new second factor with a first code: it is on, this session may open the staff
 *  pages, and the recovery codes are shown once. */
export async function confirmEnrolmentAction(_prev: ActionResult<{ codes: string[] }> | null, formData: FormData): Promise<ActionResult<{ codes: string[] }>> {
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, code: "validation", fieldErrors: fieldErrorsOf(parsed.error) };
  const signIn = await currentSignIn();
  if (!signIn) return { ok: false, code: "notFound" };
  const codes = await confirmEnrolment(signIn.uid, parsed.data.code);
  if (!codes) return { ok: false, code: "validation", fieldErrors: { code: ["codeInvalid"] } };
  await markSecondFactor(signIn.sid);
  return { ok: true, data: { codes } };
}
