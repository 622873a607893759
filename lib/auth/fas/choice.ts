import "server-only";
import { cookies, headers } from "next/headers";
import { clientAddress } from "../limits";
import type { ClientInfo } from "../sessions";

// Which dossier a person who answers for several (their own, the companies they direct) wants to open: a short-lived
// cookie set just before an eID sign-in (lib/actions/fas.ts) and read by the FAS callback. A preference, never a
// right: lib/auth/fas/resolve.ts opens it only if the verified national number reaches it.

export const DOSSIER_CHOICE_COOKIE = "caisse-fas-dossier";
export const DOSSIER_CHOICE_MAX_AGE = 10 * 60;
const ID = /^[a-z0-9]{20,40}$/i;

export function isDossierId(value: unknown): value is string {
  return typeof value === "string" && ID.test(value);
}

/** Records the choice for the next eID sign-in (server actions only). */
export async function rememberDossierChoice(affiliateId: string) {
  if (!isDossierId(affiliateId)) return;
  (await cookies()).set(DOSSIER_CHOICE_COOKIE, affiliateId, {
    httpOnly: true,
    sameSite: "lax",
    secure: (process.env.NEXTAUTH_URL ?? "").startsWith("https:"),
    path: "/api/auth/callback",
    maxAge: DOSSIER_CHOICE_MAX_AGE,
  });
}

/** The choice for this sign-in, used once; null outside a request (tests) or when none was made. */
export async function readDossierChoice(): Promise<string | null> {
  try {
    const jar = await cookies();
    const value = jar.get(DOSSIER_CHOICE_COOKIE)?.value;
    if (value === undefined) return null;
    try {
      jar.delete({ name: DOSSIER_CHOICE_COOKIE, path: "/api/auth/callback" });
    } catch {
      // read-only here: it expires by itself
    }
    return isDossierId(value) ? value : null;
  } catch {
    return null;
  }
}

/** The browser's address and user agent during the FAS callback, for the session and the audit log (empty outside a
 *  request). */
export async function callbackClient(): Promise<ClientInfo> {
  try {
    const h = await headers();
    return { address: clientAddress(h), userAgent: h.get("user-agent") };
  } catch {
    return {};
  }
}
