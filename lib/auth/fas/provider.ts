import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import type { TokenSet } from "openid-client";
import { todayInBrussels } from "@/lib/clock";
import { parseNiss } from "@/lib/domain/validate-niss";
import type { AppRole } from "../permissions";
import type { ClientInfo } from "../sessions";
import { FAS_PROVIDER_ID, meetsAcr, wellKnownOf, type FasConfig } from "./config";
import { callbackClient, readDossierChoice } from "./choice";
import { resolveFasPerson } from "./resolve";

// The FAS as a next-auth OpenID Connect provider. next-auth and openid-client do the protocol: authorization code
// flow with PKCE, state and nonce (kept in next-auth's encrypted, short-lived cookies), the code exchanged with the
// client secret, and the ID token verified — signature by a key of the issuer's published JWKS, iss, aud (and azp),
// exp/iat, nonce, and the algorithm the client expects (RS256). Nothing of the browser's is believed: the national
// number is read from the verified ID token only (or, when the issuer keeps it out of the ID token, from its userinfo
// endpoint with the access token, whose `sub` openid-client checks against the ID token's).

/** What profile() makes of a verified sign-in: a login of ours, or why there is none (the signIn callback turns
 *  these into pages: lib/auth/fas/callbacks.ts). */
export type FasProfile = {
  id: string;
  name: string | null;
  email: string | null;
  fas: "dossier" | "unknown" | "disabled" | "refused";
  role?: AppRole;
  affiliateId?: string | null;
  locale?: string;
  /** the signed-in person (their own dossier or a company's is the session's) */
  personId?: string;
  /** for the jwt callback: the session's method and the browser it was opened from */
  method: "fas";
  client: ClientInfo;
};

export type FasClaims = Record<string, unknown> & { sub: string; acr?: string };

/** The national register number of the claims (11 digits, valid check digits), else null. */
export function nationalNumberOf(claims: Record<string, unknown>, claim: string): string | null {
  const value = claims[claim];
  if (typeof value !== "string" && typeof value !== "number") return null;
  return parseNiss(String(value))?.digits ?? null;
}

/** profile(): from the verified claims to the login the sign-in opens. `today` and the dossier choice are injected
 *  for tests. */
export async function fasProfile(
  claims: FasClaims,
  config: FasConfig,
  context: { today?: string; choice?: string | null; client?: ClientInfo } = {},
): Promise<FasProfile> {
  const client = context.client ?? (await callbackClient());
  const refused: FasProfile = { id: `fas:${claims.sub}`, name: null, email: null, fas: "refused", method: "fas", client };
  if (!meetsAcr(config.acr, claims.acr)) return refused;
  const nrn = nationalNumberOf(claims, config.nrnClaim);
  if (!nrn) return refused;
  const choice = context.choice === undefined ? await readDossierChoice() : context.choice;
  const resolution = await resolveFasPerson(nrn, context.today ?? todayInBrussels(), choice);
  if (resolution.outcome !== "dossier") return { ...refused, fas: resolution.outcome };
  const { login, personId } = resolution;
  return { ...refused, id: login.id, name: login.name, email: login.email, fas: "dossier", role: login.role, affiliateId: login.affiliateId, locale: login.locale, personId };
}

export function fasProvider(config: FasConfig): OAuthConfig<FasClaims> {
  return {
    id: FAS_PROVIDER_ID,
    name: "eID / itsme",
    type: "oauth",
    wellKnown: wellKnownOf(config.issuer),
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    // the level of assurance is asked for here and required again in the token (a browser may edit the request)
    authorization: { params: { scope: config.scope, acr_values: config.acr } },
    checks: ["pkce", "state", "nonce"],
    idToken: true,
    client: { id_token_signed_response_alg: "RS256", token_endpoint_auth_method: "client_secret_basic" },
    httpOptions: { timeout: 10_000 },
    userinfo: {
      async request({ tokens, client }) {
        // next-auth hands over openid-client's TokenSet, whose ID token the callback verified
        const set = tokens as unknown as TokenSet;
        const claims = set.claims();
        if (claims[config.nrnClaim] !== undefined || !client.issuer.metadata.userinfo_endpoint) return claims;
        // the issuer keeps the number out of the ID token: its userinfo, whose sub must be the ID token's
        const info = await client.userinfo(set);
        return { ...info, ...claims };
      },
    },
    profile: (claims) => fasProfile(claims, config),
  };
}
