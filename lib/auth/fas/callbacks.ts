import "server-only";
import type { Account, User } from "next-auth";
import { recordAuthEvent } from "../events";
import { FAS_PROVIDER_ID } from "./config";
import type { FasProfile } from "./provider";

/** Where a verified national number that opens no dossier lands: a page that offers the affiliation request. */
export const NOT_AFFILIATED_PATH = "/login/not-affiliated";

/** The sign-in page's messages for a refused eID sign-in (components/fas-sign-in.tsx). */
export const FAS_ERROR = { refused: "FasRefused", disabled: "FasDisabled" } as const;

/**
 * next-auth's signIn callback for the FAS: a sign-in that found a dossier goes on (the jwt callback opens its session);
 * any other outcome is recorded and sent to its page, with no session. Other providers pass.
 */
export async function fasSignInOutcome(user: User, account: Account | null): Promise<true | string> {
  if (account?.provider !== FAS_PROVIDER_ID) return true;
  const profile = user as unknown as FasProfile;
  if (profile.fas === "dossier") return true;
  await recordAuthEvent("auth.signInFailed", null, { ...profile.client, method: "fas", reason: profile.fas ?? "refused" });
  if (profile.fas === "unknown") return NOT_AFFILIATED_PATH;
  return `/login?error=${profile.fas === "disabled" ? FAS_ERROR.disabled : FAS_ERROR.refused}`;
}
