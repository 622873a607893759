"use server";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { currentSignIn, currentViewer } from "@/lib/auth/session";
import { authenticate, AUTH_ERROR } from "@/lib/auth/options";
import { clientAddress, countAgainst, limitReached } from "@/lib/auth/limits";
import { recordAuthEvent } from "@/lib/auth/events";
import { isStaff, needsSecondFactor } from "@/lib/auth/permissions";
import { markSecondFactor } from "@/lib/auth/sessions";
import { beginPasskeyAuthentication, beginPasskeyRegistration, finishPasskeyRegistration, mayRegisterPasskey, removePasskey } from "@/lib/auth/passkeys";
import type { ActionResult } from "./result";

// Passkeys (lib/auth/passkeys.ts): the options of a sign-in, for a password checked here again; the registration of a
// new passkey by a signed-in staff member; the removal of one of theirs.

const credentialsSchema = z.object({ email: z.string().max(320), password: z.string().max(1000) });

/** After a right password, the sign-in form asks for a passkey: the password is checked again here (counted like any
 *  attempt, the same one answer for every refusal) before a challenge is issued for that account. */
export async function passkeySignInOptionsAction(input: { email: string; password: string }): Promise<ActionResult<PublicKeyCredentialRequestOptionsJSON>> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: AUTH_ERROR.invalid };
  const h = await headers();
  const client = { address: clientAddress(h), userAgent: h.get("user-agent") };
  if (await limitReached("signIn", client.address)) {
    await recordAuthEvent("auth.addressLimited", null, client);
    return { ok: false, code: AUTH_ERROR.invalid };
  }
  const result = await authenticate(parsed.data.email, parsed.data.password, new Date(), client);
  if (!result.ok) {
    await countAgainst("signIn", client.address);
    return { ok: false, code: AUTH_ERROR.invalid };
  }
  const options = needsSecondFactor(result.user.role) ? await beginPasskeyAuthentication(result.user.id) : null;
  return options ? { ok: true, data: options } : { ok: false, code: "noPasskey" };
}

/** The signed-in staff member who may register a passkey now (lib/auth/passkeys.ts mayRegisterPasskey). */
async function registrant(): Promise<{ uid: string; sid: string; secondFactor: boolean } | null> {
  const signIn = await currentSignIn();
  return signIn && (await mayRegisterPasskey(signIn.uid, signIn.secondFactor)) ? signIn : null;
}

export async function beginPasskeyRegistrationAction(): Promise<ActionResult<PublicKeyCredentialCreationOptionsJSON>> {
  const who = await registrant();
  if (!who) return { ok: false, code: "notFound" };
  return { ok: true, data: await beginPasskeyRegistration(who.uid) };
}

const finishSchema = z.object({ response: z.string().min(2).max(20_000), name: z.string().trim().max(60) });

/** The browser's answer: the passkey is kept; at the enrolment, this session may open the staff pages from now on. */
export async function finishPasskeyRegistrationAction(input: { response: string; name: string }): Promise<ActionResult> {
  const parsed = finishSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "passkeyInvalid" };
  const who = await registrant();
  if (!who) return { ok: false, code: "notFound" };
  if (!(await finishPasskeyRegistration(who.uid, parsed.data.response, parsed.data.name))) return { ok: false, code: "passkeyInvalid" };
  // no revalidatePath: the enrolment page would re-render at once into a redirect before its "continue" step (the
  // security page refreshes itself)
  if (!who.secondFactor) await markSecondFactor(who.sid);
  return { ok: true, data: undefined };
}

export async function removePasskeyAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const viewer = await currentViewer();
  if (!viewer || !isStaff(viewer.role)) return { ok: false, code: "notFound" };
  const outcome = await removePasskey(viewer.userId, String(formData.get("id") ?? ""));
  if (outcome !== "removed") return { ok: false, code: outcome === "last" ? "lastFactor" : "notFound" };
  revalidatePath("/staff/security");
  return { ok: true, data: undefined };
}
