// Issue #15 part 1 on a real PostgreSQL: the eID sign-in refuses every ID token it must not believe. The portal's own
// next-auth configuration (lib/auth/options.ts with the FAS provider of lib/auth/fas/provider.ts) runs the whole
// authorization code flow through next-auth's handler — the code path of /api/auth/[...nextauth] — against a small
// issuer served here: discovery, a JWKS with the issuer's public key, a token endpoint that checks the client secret
// and the PKCE verifier and answers the ID token each test signs with jose. A wrong issuer, audience or nonce, an
// expired token, a token signed by another key (same kid) or not signed, a tampered state, a level of assurance
// below the fund's: no session. A good token: a session of the person's dossier, method "fas".
import http from "node:http";
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type KeyLike } from "jose";
import { testDatabase } from "../helpers/db";
import { createPersonAffiliate, createUser, makeNiss } from "@/prisma/factories";
import { UNUSABLE_HASH } from "../helpers/fixtures";

const prisma = testDatabase();

// ---------------------------------------------------------------- the test issuer

const CLIENT_ID = "caisse-portal-test";
const CLIENT_SECRET = "a-test-client-secret";
const KID = "test-key-1";
const ACR = "urn:be:fedict:iam:fas:Level450";

type Issued = { claims?: Record<string, unknown>; sign?: "issuer" | "other" | "none"; omitNonce?: boolean };

let server: http.Server;
let issuer = "";
let issuerKey: KeyLike;
let otherKey: KeyLike;
let publicJwk: Record<string, unknown>;
/** what the next token request answers, and what the endpoint saw */
let next: Issued = {};
let userinfo: Record<string, unknown> | null = null;
const seen = { challenge: "", verifierOk: false, basicAuthOk: false, nonce: "" };

async function idToken(nonce: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: "fas-subject-1", acr: ACR, nonce, ...next.claims };
  if (next.omitNonce) delete (claims as Record<string, unknown>).nonce;
  const { iss = issuer, aud = CLIENT_ID, iat = now, exp = now + 300, ...rest } = claims as Record<string, unknown>;
  if (next.sign === "none") return new UnsecuredJWT({ ...rest }).setIssuer(String(iss)).setAudience(aud as string).setIssuedAt(Number(iat)).setExpirationTime(Number(exp)).encode();
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: "RS256", kid: KID })
    .setIssuer(String(iss))
    .setAudience(aud as string | string[])
    .setIssuedAt(Number(iat))
    .setExpirationTime(Number(exp))
    .sign(next.sign === "other" ? otherKey : issuerKey);
}

async function body(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString());
}

function json(res: http.ServerResponse, status: number, value: unknown) {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
}

beforeAll(async () => {
  const pair = await generateKeyPair("RS256");
  issuerKey = pair.privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)) };
  otherKey = (await generateKeyPair("RS256")).privateKey;
  server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    if (url.pathname === "/.well-known/openid-configuration") {
      return json(res, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        userinfo_endpoint: `${issuer}/userinfo`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
      });
    }
    if (url.pathname === "/jwks") return json(res, 200, { keys: [{ ...publicJwk, kid: KID, alg: "RS256", use: "sig" }] });
    if (url.pathname === "/token" && req.method === "POST") {
      const form = await body(req);
      seen.basicAuthOk = req.headers.authorization === `Basic ${Buffer.from(`${encodeURIComponent(CLIENT_ID)}:${encodeURIComponent(CLIENT_SECRET)}`).toString("base64")}`;
      const verifier = form.get("code_verifier") ?? "";
      seen.verifierOk = crypto.createHash("sha256").update(verifier).digest("base64url") === seen.challenge;
      if (!seen.basicAuthOk || !seen.verifierOk || form.get("code") !== "the-code") return json(res, 400, { error: "invalid_grant" });
      return json(res, 200, { access_token: "an-access-token", token_type: "Bearer", expires_in: 300, id_token: await idToken(seen.nonce) });
    }
    if (url.pathname === "/userinfo") return userinfo ? json(res, 200, userinfo) : json(res, 401, { error: "invalid_token" });
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as { port: number };
  issuer = `http://127.0.0.1:${address.port}`;
  Object.assign(process.env, { FAS_ISSUER: issuer, FAS_CLIENT_ID: CLIENT_ID, FAS_CLIENT_SECRET: CLIENT_SECRET, FAS_ACR: ACR, NEXTAUTH_URL: "http://127.0.0.1:3999" });
  process.env.FAS_NRN_CLAIM = "";
  process.env.FAS_SCOPE = "";
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

// ---------------------------------------------------------------- the portal's side, through next-auth's handler

type Answer = { status: number; redirect?: string; body?: unknown };

/** One request of the browser to /api/auth/* of the portal: next-auth's handler (its API-route entry, which runs the
 *  same core as the App Router's) with the portal's options; the cookies it sets are kept, as a browser would. */
async function portal(path: string, init: { method?: string; form?: Record<string, string>; cookies: Map<string, string> }): Promise<Answer> {
  const nextAuth = (await import("next-auth/next")) as unknown as { default: ((...args: unknown[]) => Promise<unknown>) | { default: (...args: unknown[]) => Promise<unknown> } };
  const NextAuth = typeof nextAuth.default === "function" ? nextAuth.default : nextAuth.default.default;
  const { authOptions } = await import("@/lib/auth/options");
  const url = new URL(`http://127.0.0.1:3999/api/auth/${path}`);
  const headers = new Map<string, unknown>();
  const answer: Answer = { status: 200 };
  const req = {
    method: init.method ?? "GET",
    query: { ...Object.fromEntries(url.searchParams), nextauth: url.pathname.split("/").slice(3) },
    body: init.form ?? {},
    cookies: Object.fromEntries(init.cookies),
    headers: { host: "127.0.0.1:3999", "user-agent": "vitest", "x-forwarded-for": "192.0.2.44" },
  };
  const res = {
    status: (code: number) => ((answer.status = code), res),
    setHeader: (name: string, value: unknown) => (headers.set(name.toLowerCase(), value), res),
    getHeader: (name: string) => headers.get(name.toLowerCase()),
    end: () => res,
    json: (value: unknown) => ((answer.body = value), res),
    send: (value: unknown) => ((answer.body = value), res),
  };
  await NextAuth(req, res, authOptions);
  const setCookies = headers.get("set-cookie");
  for (const line of (Array.isArray(setCookies) ? setCookies : setCookies ? [setCookies] : []) as string[]) {
    const [pair, ...attributes] = line.split(";");
    const name = pair.slice(0, pair.indexOf("="));
    const value = decodeURIComponent(pair.slice(pair.indexOf("=") + 1));
    if (value === "" || attributes.some((a) => a.trim().toLowerCase() === "max-age=0")) init.cookies.delete(name);
    else init.cookies.set(name, value);
  }
  answer.redirect = headers.get("location") as string | undefined;
  return answer;
}

/** The browser's round trip: the portal's sign-in button, the issuer (which authenticates and sends the code back),
 *  the portal's callback. Returns where the callback sends the browser and the cookies it then holds. */
async function signInThroughFas(issued: Issued, tamper: { state?: string } = {}) {
  next = issued;
  const cookies = new Map<string, string>();
  const csrf = await portal("csrf", { cookies });
  const csrfToken = (csrf.body as { csrfToken: string }).csrfToken;
  const start = await portal("signin/fas", { method: "POST", form: { csrfToken, callbackUrl: "/after-login" }, cookies });
  const authorize = new URL(start.redirect!);
  expect(authorize.origin + authorize.pathname).toBe(`${issuer}/authorize`);
  seen.challenge = authorize.searchParams.get("code_challenge") ?? "";
  seen.nonce = authorize.searchParams.get("nonce") ?? "";
  const state = authorize.searchParams.get("state") ?? "";
  const callback = await portal(`callback/fas?code=the-code&state=${encodeURIComponent(tamper.state ?? state)}`, { cookies });
  // where the browser ends up: next-auth's error and sign-in routes hand an error on to the sign-in page
  const local = (url: string | undefined) => (url ?? "").replace(/^http:\/\/127\.0\.0\.1:3999/, "");
  let redirect = local(callback.redirect);
  for (let hops = 0; redirect.startsWith("/api/auth/") && hops < 3; hops++) redirect = local((await portal(redirect.slice("/api/auth/".length), { cookies })).redirect);
  // the sign-in page as the browser shows it: its error (the callbackUrl next-auth adds does not matter here)
  const landed = new URL(redirect, "http://127.0.0.1:3999");
  if (landed.pathname === "/login" && landed.searchParams.has("error")) redirect = `/login?error=${landed.searchParams.get("error")}`;
  return { authorize, redirect, session: cookies.get("next-auth.session-token") ?? null };
}

const today = "2026-11-28";
let julie: { affiliateId: string; userId: string; niss: string };

async function seedJulie() {
  const niss = makeNiss("1985-07-30", 33, "M");
  const { affiliate } = await createPersonAffiliate(prisma, { memberNumber: "100001", niss, firstName: "Julie", lastName: "Dubois", birthDate: "1985-07-30", sex: "F", category: "MAIN", startOn: "2015-04-01", email: "julie@example.be" });
  const user = await createUser(prisma, { email: "julie@example.be", passwordHash: UNUSABLE_HASH, role: "AFFILIATE", name: "Julie Dubois", affiliateId: affiliate.id });
  julie = { affiliateId: affiliate.id, userId: user.id, niss };
  process.env.PORTAL_TODAY = today;
}

async function sessionsOf(userId: string) {
  return prisma.userSession.findMany({ where: { userId }, select: { method: true } });
}

describe("eID sign-in: the ID token is verified (issuer, audience, nonce, expiry, signature)", () => {
  it("asks the issuer for the code flow with PKCE (S256), state, nonce, the scope and the level of assurance", async () => {
    await seedJulie();
    const { authorize } = await signInThroughFas({ claims: { egovNRN: julie.niss } });
    const p = authorize.searchParams;
    expect(p.get("response_type")).toBe("code");
    expect(p.get("client_id")).toBe(CLIENT_ID);
    expect(p.get("redirect_uri")).toBe("http://127.0.0.1:3999/api/auth/callback/fas");
    expect(p.get("code_challenge_method")).toBe("S256");
    expect(p.get("state")).toMatch(/.{20,}/);
    expect(p.get("nonce")).toMatch(/.{20,}/);
    expect(p.get("acr_values")).toBe(ACR);
    expect(p.get("scope")).toBe("openid profile egovnrn");
  });

  it("a good token opens a session of the person's own dossier, method fas — the secret and the PKCE verifier were sent", async () => {
    await seedJulie();
    const result = await signInThroughFas({ claims: { egovNRN: julie.niss } });
    expect(seen.basicAuthOk).toBe(true);
    expect(seen.verifierOk).toBe(true);
    expect(result.redirect).toBe("/after-login");
    expect(result.session).not.toBeNull();
    expect(await sessionsOf(julie.userId)).toEqual([{ method: "fas" }]);
    const { decode } = await import("next-auth/jwt");
    const token = await decode({ token: result.session!, secret: process.env.NEXTAUTH_SECRET! });
    expect(token).toMatchObject({ uid: julie.userId, role: "AFFILIATE", affiliateId: julie.affiliateId });
    const event = await prisma.auditLog.findFirst({ where: { action: "auth.signIn", actorId: julie.userId } });
    expect(event?.details).toMatchObject({ method: "fas" });
  });

  // each refusal for its own reason (openid-client's, as next-auth logs it), not an incidental one
  const refusals: [string, () => Issued, RegExp][] = [
    ["another issuer", () => ({ claims: { egovNRN: julie.niss, iss: "https://idp.example.org" } }), /unexpected iss value/],
    ["another audience", () => ({ claims: { egovNRN: julie.niss, aud: "another-client" } }), /aud mismatch/],
    ["another nonce", () => ({ claims: { egovNRN: julie.niss, nonce: "not-the-nonce-of-this-sign-in" } }), /nonce mismatch/],
    ["no nonce", () => ({ claims: { egovNRN: julie.niss }, omitNonce: true }), /nonce mismatch/],
    ["an expired token", () => ({ claims: { egovNRN: julie.niss, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 } }), /JWT expired/],
    ["a token signed by another key (same kid)", () => ({ claims: { egovNRN: julie.niss }, sign: "other" }), /failed to validate JWT signature/],
    ["an unsigned token (alg none)", () => ({ claims: { egovNRN: julie.niss }, sign: "none" }), /unexpected JWT alg/],
  ];
  for (const [what, issued, reason] of refusals) {
    it(`refuses ${what}: no session, back to the sign-in page with an error`, async () => {
      await seedJulie();
      const logged = vi.spyOn(console, "error").mockImplementation(() => {});
      try {
        const result = await signInThroughFas(issued());
        expect(result.redirect).toBe("/login?error=OAuthCallback");
        expect(result.session).toBeNull();
        expect(logged.mock.calls.map((c) => String((c[1] as { error?: unknown })?.error ?? c.join(" "))).join("\n")).toMatch(reason);
      } finally {
        logged.mockRestore();
      }
      expect(await sessionsOf(julie.userId)).toEqual([]);
    });
  }

  it("refuses a callback whose state is not the one of this browser's sign-in", async () => {
    await seedJulie();
    const result = await signInThroughFas({ claims: { egovNRN: julie.niss } }, { state: "forged-state" });
    expect(result.redirect).toBe("/login?error=OAuthCallback");
    expect(result.session).toBeNull();
  });

  it("refuses a level of assurance below the fund's, and a token without a valid national number", async () => {
    await seedJulie();
    userinfo = { sub: "fas-subject-1" }; // nor in userinfo
    for (const claims of [{ egovNRN: julie.niss, acr: "urn:be:fedict:iam:fas:Level100" }, { egovNRN: julie.niss, acr: undefined }, { egovNRN: "85073003399" }, {}]) {
      const result = await signInThroughFas({ claims });
      expect(result.redirect).toBe("/login?error=FasRefused");
      expect(result.session).toBeNull();
    }
    expect(await sessionsOf(julie.userId)).toEqual([]);
    expect(await prisma.auditLog.count({ where: { action: "auth.signInFailed", details: { path: ["method"], equals: "fas" } } })).toBe(4);
    userinfo = null;
  });

  it("a national number that opens no dossier lands on the affiliation page, with no session and no login made", async () => {
    await seedJulie();
    const users = await prisma.user.count();
    const result = await signInThroughFas({ claims: { egovNRN: makeNiss("1990-01-01", 501, "M") } });
    expect(result.redirect).toBe("/login/not-affiliated");
    expect(result.session).toBeNull();
    expect(await prisma.user.count()).toBe(users);
  });

  it("takes the number from userinfo when the ID token lacks it — only for the ID token's subject", async () => {
    await seedJulie();
    userinfo = { sub: "fas-subject-1", egovNRN: julie.niss };
    const ok = await signInThroughFas({ claims: {} });
    expect(ok.redirect).toBe("/after-login");
    userinfo = { sub: "someone-else", egovNRN: julie.niss };
    const other = await signInThroughFas({ claims: {} });
    expect(other.redirect).not.toBe("/after-login");
    expect(other.session).toBeNull();
    userinfo = null;
    expect(await sessionsOf(julie.userId)).toEqual([{ method: "fas" }]);
  });
});
