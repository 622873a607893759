// Issue #15 parts 4–6: sessions that end (logout, password reset, idle, 8 hours — never renewed), throttling that
// holds under parallel attempts with one answer for every refusal, and every sign-in event recorded.
import { describe, expect, it } from "vitest";
import type { JWT } from "next-auth/jwt";
import { testDatabase } from "../helpers/db";
import { affiliateWithCall } from "../helpers/fixtures";
import { authenticate, authOptions } from "@/lib/auth/options";
import { createToken, setPasswordWithToken } from "@/lib/auth/activation";
import { hashPassword } from "@/lib/auth/password";
import { endAllSessions, IDLE_SECONDS, SESSION_ABSOLUTE_SECONDS, startSession, touchSession } from "@/lib/auth/sessions";
import { listMySignIns } from "@/lib/dal/profile/list-my-sign-ins";
import { createUser } from "@/prisma/factories";

const prisma = testDatabase();
const jwt = authOptions.callbacks!.jwt!;
const PASSWORD = "une phrase de passe longue";

/** Signs in as next-auth does: the provider's authorize, then the jwt callback with the user (a new session). */
async function signIn(email: string, password = PASSWORD, address = "192.0.2.10"): Promise<JWT> {
  const provider = authOptions.providers[0] as unknown as { options: { authorize: (c: unknown, req: unknown) => Promise<unknown> } };
  const user = await provider.options.authorize({ email, password }, { headers: { "x-forwarded-for": address, "user-agent": "vitest" } });
  return jwt({ token: {}, user: user as never, account: null, trigger: "signIn" } as never);
}
/** A later request with the same cookie: the jwt callback again, without a user. */
const reuse = (token: JWT) => jwt({ token, account: null } as never);

async function affiliateLogin() {
  const a = await affiliateWithCall(prisma, "Alpha");
  await prisma.user.update({ where: { id: a.user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
  return a;
}

describe("sessions that end", () => {
  it("a cookie taken before logout is refused on the next request, on every device of the user", async () => {
    const a = await affiliateLogin();
    const laptop = await signIn(a.user.email);
    const phone = await signIn(a.user.email);
    await expect(reuse(laptop)).resolves.toMatchObject({ uid: a.user.id });
    await authOptions.events!.signOut!({ token: laptop, session: undefined as never });
    await expect(reuse(laptop)).rejects.toThrow("session ended");
    await expect(reuse(phone)).rejects.toThrow("session ended");
    // signing in again opens a new session
    await expect(reuse(await signIn(a.user.email))).resolves.toMatchObject({ uid: a.user.id });
  });

  it("a password reset ends every session; a cookie without a session is refused", async () => {
    const a = await affiliateLogin();
    const before = await signIn(a.user.email);
    const user = await prisma.user.findUniqueOrThrow({ where: { id: a.user.id } });
    expect(await setPasswordWithToken(createToken(user, "reset", new Date()), "reset", "une autre phrase longue")).toBe("ok");
    await expect(reuse(before)).rejects.toThrow("session ended");
    await expect(reuse({ uid: a.user.id } as JWT)).rejects.toThrow("session ended");
  });

  it("ends after the idle time (30 min staff, 60 min affiliates) and 8 hours after sign-in, however active", async () => {
    const a = await affiliateLogin();
    const staff = await createUser(prisma, { email: "anna@staff.test", passwordHash: await hashPassword(PASSWORD), role: "ADVISOR", name: "anna" });
    const t0 = new Date("2026-03-02T08:00:00Z");
    const plus = (s: number) => new Date(t0.getTime() + s * 1000);
    const mine = await startSession(a.user.id, "password", {}, t0);
    const theirs = await startSession(staff.id, "password", {}, t0);
    expect(await touchSession(mine, plus(IDLE_SECONDS.staff + 1))).toEqual({ userId: a.user.id, secondFactor: false });
    expect(await touchSession(theirs, plus(IDLE_SECONDS.staff + 1))).toBeNull();
    expect(await prisma.userSession.findUniqueOrThrow({ where: { id: theirs } })).toMatchObject({ endReason: "idle" });
    // active every 50 minutes, still ended at 8 hours
    let t = IDLE_SECONDS.staff + 1;
    while (t + 3000 < SESSION_ABSOLUTE_SECONDS) expect(await touchSession(mine, plus((t += 3000)))).not.toBeNull();
    expect(await touchSession(mine, plus(SESSION_ABSOLUTE_SECONDS))).toBeNull();
    expect(await prisma.userSession.findUniqueOrThrow({ where: { id: mine } })).toMatchObject({ endReason: "expired" });
    // a disabled account's session ends at once
    const s = await startSession(a.user.id, "password");
    await prisma.user.update({ where: { id: a.user.id }, data: { disabledAt: new Date() } });
    expect(await touchSession(s)).toBeNull();
    expect(await endAllSessions(staff.id, "logout")).toBe(0);
  });
});

describe("throttling that holds", () => {
  it("20 wrong passwords in parallel are all counted and leave the account locked", async () => {
    const a = await affiliateLogin();
    const results = await Promise.all(Array.from({ length: 20 }, () => authenticate(a.user.email, "wrong password")));
    expect(results.every((r) => !r.ok)).toBe(true);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: a.user.id } })).failedLogins).toBe(20);
    // locked: even the right password is refused now
    expect(await authenticate(a.user.email, PASSWORD)).toEqual({ ok: false, error: "invalid-credentials" });
  });

  it("the answer for an unknown e-mail is byte-identical to that for a locked account or a wrong password", async () => {
    const a = await affiliateLogin();
    const answer = async (email: string, password: string) => {
      try {
        await signIn(email, password);
        return "signed in";
      } catch (error) {
        return JSON.stringify({ name: (error as Error).name, message: (error as Error).message });
      }
    };
    const unknown = await answer("nobody@example.test", "x");
    const wrong = await answer(a.user.email, "wrong");
    await prisma.user.update({ where: { id: a.user.id }, data: { failedLogins: 10, lastFailedAt: new Date() } });
    const locked = await answer(a.user.email, PASSWORD);
    expect(wrong).toBe(unknown);
    expect(locked).toBe(unknown);
  });

  it("too many attempts from one address are refused before any account is looked at", async () => {
    const a = await affiliateLogin();
    for (let i = 0; i < 30; i++) await signIn("nobody@example.test", "x", "198.51.100.7").catch(() => undefined);
    const failures = await prisma.user.findUniqueOrThrow({ where: { id: a.user.id } });
    await expect(signIn(a.user.email, PASSWORD, "198.51.100.7")).rejects.toThrow("invalid-credentials");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: a.user.id } })).failedLogins).toBe(failures.failedLogins);
    // another address still gets in
    await expect(signIn(a.user.email, PASSWORD, "192.0.2.99")).resolves.toMatchObject({ uid: a.user.id });
    expect(await prisma.auditLog.count({ where: { action: "auth.addressLimited" } })).toBe(1);
  });
});

describe("every sign-in event recorded", () => {
  it("success, failure, lockout, logout and password reset go to the audit log with the address; the affiliate sees their sign-ins", async () => {
    const a = await affiliateLogin();
    await signIn(a.user.email, "wrong").catch(() => undefined);
    const token = await signIn(a.user.email, PASSWORD, "203.0.113.5");
    await authOptions.events!.signOut!({ token, session: undefined as never });
    const events = await prisma.auditLog.findMany({ where: { entity: "User" }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["auth.signInFailed", "auth.signIn", "auth.signOut"]);
    expect(events[1]).toMatchObject({ actorId: a.user.id, affiliateId: a.affiliate.id, details: { address: "203.0.113.5", method: "password" } });
    expect(await listMySignIns(a.viewer)).toMatchObject([{ method: "password", address: "203.0.113.5", endReason: "logout" }]);
  });
});
