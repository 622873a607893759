import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "@/lib/db/client";
import { verifyPassword } from "./password";
import { secondsUntilNextAttempt } from "./throttle";
import type { AppRole } from "./permissions";

export const AUTH_ERROR = { invalid: "invalid-credentials", throttled: "throttled" } as const;

/** Checks an e-mail/password pair; counts failures and refuses attempts while the account is throttled. */
export async function authenticate(emailInput: string, password: string, now = new Date()) {
  const email = emailInput.trim().toLowerCase();
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user || user.disabledAt) {
    // same cost as a real check, so response time does not reveal which e-mails exist
    await verifyPassword("$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$0000000000000000000000000000000000000000000", password);
    return { ok: false as const, error: AUTH_ERROR.invalid };
  }
  if (secondsUntilNextAttempt(user.failedLogins, user.lastFailedAt, now) > 0) {
    return { ok: false as const, error: AUTH_ERROR.throttled };
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    await prisma.user.update({ where: { id: user.id }, data: { failedLogins: { increment: 1 }, lastFailedAt: now } });
    return { ok: false as const, error: AUTH_ERROR.invalid };
  }
  if (user.failedLogins > 0) await prisma.user.update({ where: { id: user.id }, data: { failedLogins: 0, lastFailedAt: null } });
  return { ok: true as const, user };
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials) {
        const result = await authenticate(credentials?.email ?? "", credentials?.password ?? "");
        if (!result.ok) throw new Error(result.error);
        const { user } = result;
        return { id: user.id, email: user.email, name: user.name, role: user.role, affiliateId: user.affiliateId, locale: user.locale };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as unknown as { id: string; role: AppRole; affiliateId: string | null; locale: string };
        token.uid = u.id;
        token.role = u.role;
        token.affiliateId = u.affiliateId;
        token.locale = u.locale;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid, role: token.role, affiliateId: token.affiliateId };
    },
  },
};
