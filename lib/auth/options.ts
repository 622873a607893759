import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "@/lib/db/client";
import { verifyPassword } from "./password";
import { secondsUntilNextAttempt } from "./throttle";
import { clientAddress, countAgainst, limitReached } from "./limits";
import { endAllSessions, startSession, touchSession, type ClientInfo, type SessionMethod } from "./sessions";
import { recordAuthEvent } from "./events";
import { needsSecondFactor, type AppRole } from "./permissions";
import { hasSecondFactor, verifySecondFactor } from "./second-factor";
import { verifyPasskey } from "./passkeys";
import { fasConfigFrom } from "./fas/config";
import { fasProvider } from "./fas/provider";
import { fasSignInOutcome } from "./fas/callbacks";
import { isBusy } from "@/lib/http/busy";

export const SECURE_COOKIES = process.env.NODE_ENV === "production";

/** The one answer to a refused sign-in: wrong password, unknown account, disabled, locked or too many attempts from
 *  the address all read the same (no account enumeration). */
export const AUTH_ERROR = { invalid: "invalid-credentials" } as const;

const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$0000000000000000000000000000000000000000000";

type Counted = { id: string; before: number; lastBefore: Date | null; passwordHash: string; role: AppRole; name: string; email: string; affiliateId: string | null; locale: string };

/**
 * Checks an e-mail/password pair. The attempt is counted first, atomically (the row is locked while its counter
 * moves), so that parallel attempts are all counted before any password is checked; an account whose earlier
 * failures still throttle it is refused without checking the password. A success clears the counter.
 */
export async function authenticate(emailInput: string, password: string, now = new Date(), client: ClientInfo = {}) {
  const email = emailInput.trim().toLowerCase();
  const rows = await prisma.$queryRaw<Counted[]>`
    WITH old AS (SELECT id, "failedLogins", "lastFailedAt" FROM "User" WHERE email = ${email} AND "disabledAt" IS NULL FOR UPDATE)
    UPDATE "User" u SET "failedLogins" = old."failedLogins" + 1, "lastFailedAt" = ${now}
      FROM old WHERE u.id = old.id
    RETURNING u.id, old."failedLogins" AS before, old."lastFailedAt" AS "lastBefore", u."passwordHash", u.role::text AS role, u.name, u.email,
              u."affiliateId", u.locale::text AS locale`;
  const user = rows[0];
  if (!user) {
    // same cost as a real check, so response time does not reveal which e-mails exist
    await verifyPassword(DUMMY_HASH, password);
    await recordAuthEvent("auth.signInFailed", null, { ...client, reason: "unknown" });
    return { ok: false as const, error: AUTH_ERROR.invalid };
  }
  if (secondsUntilNextAttempt(user.before, user.lastBefore, now) > 0) {
    await verifyPassword(DUMMY_HASH, password);
    await recordAuthEvent("auth.locked", user, { ...client, failures: user.before + 1 });
    return { ok: false as const, error: AUTH_ERROR.invalid };
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordAuthEvent("auth.signInFailed", user, { ...client, reason: "password", failures: user.before + 1 });
    return { ok: false as const, error: AUTH_ERROR.invalid };
  }
  await prisma.user.update({ where: { id: user.id }, data: { failedLogins: 0, lastFailedAt: null } });
  return { ok: true as const, user };
}

function fasProviders() {
  const config = fasConfigFrom();
  return config ? [fasProvider(config)] : [];
}

type SignedInUser = { id: string; role: AppRole; affiliateId: string | null; locale: string; method?: SessionMethod; client?: ClientInfo; secondFactor?: boolean };

/** What the sign-in form is told after a right password, for staff: a code is needed, or the code was wrong. */
export const SECOND_FACTOR = { required: "second-factor-required", invalid: "second-factor-invalid" } as const;

export const authOptions: NextAuthOptions = {
  // the cookie lives as long as a session may (8 h); the UserSession row decides whether it is still alive
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  // production cookies are Secure with the __Secure-/__Host- prefixes whatever NEXTAUTH_URL says (browsers accept
  // them on http://localhost and 127.0.0.1, so `npm start` works locally)
  useSecureCookies: SECURE_COOKIES,
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" }, passkey: { type: "text" } },
      async authorize(credentials, req) {
        const client = { address: clientAddress(req?.headers), userAgent: (req?.headers?.["user-agent"] as string | undefined) ?? null };
        // too many failed attempts from this address: refused before any account is looked at
        if (await limitReached("signIn", client.address)) {
          await recordAuthEvent("auth.addressLimited", null, client);
          throw new Error(AUTH_ERROR.invalid);
        }
        const result = await authenticate(credentials?.email ?? "", credentials?.password ?? "", new Date(), client);
        if (!result.ok) {
          await countAgainst("signIn", client.address);
          throw new Error(result.error);
        }
        const { user } = result;
        // staff: the second factor after the password (an enrolled one is asked here; one not enrolled yet gets a
        // session that opens only the enrolment page)
        let secondFactor = false;
        if (needsSecondFactor(user.role) && (await hasSecondFactor(user.id))) {
          // a code of the authenticator app (or a recovery code), or the answer of a passkey (startAuthentication's JSON)
          const code = credentials?.code?.trim() ?? "";
          const passkey = credentials?.passkey?.trim() ?? "";
          if (!code && !passkey) throw new Error(SECOND_FACTOR.required);
          if (!(passkey ? await verifyPasskey(user.id, passkey) : await verifySecondFactor(user.id, code))) {
            // a wrong code is a failed attempt of the account too: its counter goes on from where the password left it
            await prisma.user.update({ where: { id: user.id }, data: { failedLogins: user.before + 1, lastFailedAt: new Date() } });
            await countAgainst("signIn", client.address);
            await recordAuthEvent("auth.secondFactorFailed", user, client);
            throw new Error(SECOND_FACTOR.invalid);
          }
          secondFactor = true;
        }
        return { id: user.id, email: user.email, name: user.name, role: user.role, affiliateId: user.affiliateId, locale: user.locale, method: "password", client, secondFactor } as never;
      },
    }),
    // eID / itsme through the federal authentication service, when FAS_ISSUER names an issuer (lib/auth/fas/)
    ...fasProviders(),
  ],
  callbacks: {
    // an eID sign-in whose national number opens no dossier gets its page, and no session
    signIn: ({ user, account }) => fasSignInOutcome(user, account),
    async jwt({ token, user }) {
      if (user) {
        // a sign-in: a new server-side session, whose id is all the cookie needs
        const u = user as unknown as SignedInUser;
        token.uid = u.id;
        token.role = u.role;
        token.affiliateId = u.affiliateId;
        token.locale = u.locale;
        token.sid = await startSession(u.id, u.method ?? "password", u.client ?? {}, new Date(), u.secondFactor ?? false);
        token.sf = u.secondFactor ?? false;
        await recordAuthEvent("auth.signIn", { id: u.id, affiliateId: u.affiliateId }, { ...(u.client ?? {}), method: u.method ?? "password" });
        return token;
      }
      // every later read of the cookie (pages, /api/auth/session): the session must still be alive, or the
      // cookie is refused and cleared — never renewed
      const live = await touchSession(token.sid);
      if (!live) throw new Error("session ended");
      token.sf = live.secondFactor;
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid, sid: token.sid, sf: token.sf, role: token.role, affiliateId: token.affiliateId };
    },
  },
  logger: {
    // an ended session's cookie is refused on purpose: not an error worth a stack trace
    error(code, metadata) {
      // a busy database is not an ended session: let it through (next-auth would clear the cookie and sign the person
      // out) to the busy page or the 503 (lib/http/busy.ts)
      if (code === "JWT_SESSION_ERROR" && isBusy(metadata)) throw metadata;
      const message = (metadata as { message?: string } | undefined)?.message ?? (metadata as { error?: { message?: string } } | undefined)?.error?.message;
      if (code === "JWT_SESSION_ERROR" && message === "session ended") return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
  events: {
    async signOut({ token }) {
      // logging out ends every session of the user, on every device
      const uid = token?.uid;
      if (!uid) return;
      await endAllSessions(uid, "logout");
      await recordAuthEvent("auth.signOut", { id: uid, affiliateId: token.affiliateId ?? null }, {});
    },
  },
};
