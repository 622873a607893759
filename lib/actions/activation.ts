"use server";
import { after } from "next/server";
import { redirect } from "next/navigation";
import { requestPasswordReset, setPasswordWithToken, type TokenPurpose } from "@/lib/auth/activation";
import { forgotPasswordSchema, setPasswordSchema } from "@/lib/schemas/activation";
import type { ActionResult } from "./result";
import { fieldErrorsOf } from "./run-action";
import { refusedByLimit } from "./client-limits";

// Public actions (no session): choosing a password from an activation or reset link, and asking for a reset link.
// The purpose is fixed here, never taken from the client; the base URL of links comes from configuration only.

async function choosePassword(purpose: TokenPurpose, formData: FormData): Promise<ActionResult> {
  const limited = await refusedByLimit("publicForm");
  if (limited) return limited;
  const parsed = setPasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    if (fieldErrors.token) return { ok: false, code: "invalidToken" };
    return { ok: false, code: "validation", fieldErrors };
  }
  const outcome = await setPasswordWithToken(parsed.data.token, purpose, parsed.data.password);
  if (outcome !== "ok") return { ok: false, code: "invalidToken" };
  redirect(purpose === "activation" ? "/login?activated=1" : "/login?reset=1");
}

/** Activation of a new affiliate's account: sets the first password, then to the sign-in page. */
export async function activateAccountAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return choosePassword("activation", formData);
}

/** A new password from a reset link, then to the sign-in page. */
export async function resetPasswordAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return choosePassword("reset", formData);
}

/**
 * "Forgot password": always the same answer, whether the account exists or not. The lookup and the e-mail run
 * after the response is sent (next/server `after`), so that the response time does not tell either; outside a
 * request (scripts, tests) they run inline.
 */
export async function forgotPasswordAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = forgotPasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, code: "validation", fieldErrors: fieldErrorsOf(parsed.error) };
  const limited = await refusedByLimit("publicForm");
  if (limited) return limited;
  const email = parsed.data.email;
  const task = async () => {
    try {
      await requestPasswordReset(email);
    } catch (error) {
      console.error("password reset request failed", error instanceof Error ? error.message : error);
    }
  };
  let scheduled = false;
  try {
    after(task);
    scheduled = true;
  } catch {
    // no request scope
  }
  if (!scheduled) await task();
  return { ok: true, data: undefined };
}
