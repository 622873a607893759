// Sign-in with eID / itsme through the federal authentication service (FAS, BOSA): an OpenID Connect issuer named by
// the environment alone. Production points at the real FAS; development, tests and CI at the local provider
// (scripts/oidc-provider.ts), which announces itself through the same variables. No FAS_ISSUER: no eID button.

export type FasConfig = {
  /** the issuer URL exactly as the provider's discovery document states it (no trailing slash added or removed) */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** the level of assurance asked for (acr_values) and required in the ID token's acr claim */
  acr: string;
  /** the claim that carries the national register number */
  nrnClaim: string;
  /** the scopes asked for */
  scope: string;
};

/** FAS's level for the eID card and itsme. */
export const DEFAULT_FAS_ACR = "urn:be:fedict:iam:fas:Level450";
export const DEFAULT_FAS_NRN_CLAIM = "egovNRN";
export const DEFAULT_FAS_SCOPE = "openid profile egovnrn";

/** The next-auth provider id: the callback is /api/auth/callback/fas. */
export const FAS_PROVIDER_ID = "fas";

/** The configuration from the environment; null when FAS_ISSUER is unset (sign-in by password only). A half-made
 *  configuration (an issuer without its client) is an error, not a silently missing button. */
export function fasConfigFrom(env: Record<string, string | undefined> = process.env): FasConfig | null {
  const issuer = env.FAS_ISSUER?.trim();
  if (!issuer) return null;
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new Error(`FAS_ISSUER is not a URL: ${issuer}`);
  }
  const local = url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && local)) throw new Error("FAS_ISSUER must be an https URL (http only for a provider on this machine)");
  const clientId = env.FAS_CLIENT_ID?.trim();
  const clientSecret = env.FAS_CLIENT_SECRET?.trim();
  if (!clientId || !clientSecret) throw new Error("FAS_ISSUER is set: FAS_CLIENT_ID and FAS_CLIENT_SECRET must be set too");
  return {
    issuer,
    clientId,
    clientSecret,
    acr: env.FAS_ACR?.trim() || DEFAULT_FAS_ACR,
    nrnClaim: env.FAS_NRN_CLAIM?.trim() || DEFAULT_FAS_NRN_CLAIM,
    scope: env.FAS_SCOPE?.trim() || DEFAULT_FAS_SCOPE,
  };
}

/** The discovery document of an issuer (OpenID Connect Discovery 1.0, §4). */
export function wellKnownOf(issuer: string): string {
  return `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`;
}

const LEVEL = /^urn:be:fedict:iam:fas:Level(\d+)$/;

/**
 * Whether the level of assurance the issuer states (the ID token's acr) is at least the one the fund asks for. FAS
 * levels (urn:be:fedict:iam:fas:LevelNNN) compare by number — eID (500) is above itsme (450); any other value must be
 * equal. A token without acr is refused: the browser could have dropped acr_values from the request.
 */
export function meetsAcr(required: string, actual: unknown): boolean {
  if (typeof actual !== "string" || actual === "") return false;
  const want = LEVEL.exec(required);
  const got = LEVEL.exec(actual);
  if (want && got) return Number(got[1]) >= Number(want[1]);
  return actual === required;
}
