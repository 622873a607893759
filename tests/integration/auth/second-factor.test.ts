// Issue #15 part 3: every staff account has a second factor (TOTP, RFC 6238) — enrolled at the first sign-in with a
// first code, then asked after the password; codes never accepted twice; single-use recovery codes; an admin resets
// another staff member's factor (audited, their sessions end), never their own.
import { describe, expect, it } from "vitest";
import type { JWT } from "next-auth/jwt";
import { testDatabase } from "../helpers/db";
import { staffUser } from "../helpers/fixtures";
import { authOptions } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { beginEnrolment, codeAt, confirmEnrolment, verifySecondFactor } from "@/lib/auth/second-factor";
import { decryptSecret } from "@/lib/auth/secret-box";
import { touchSession } from "@/lib/auth/sessions";
import { listStaffAccounts } from "@/lib/dal/account/list-staff-accounts";
import { resetStaffSecondFactor } from "@/lib/dal/account/reset-staff-second-factor";
import { AppError, NotFoundError } from "@/lib/errors";

const prisma = testDatabase();
const jwt = authOptions.callbacks!.jwt!;
const PASSWORD = "une phrase de passe longue";

async function signIn(email: string, code = ""): Promise<JWT> {
  const provider = authOptions.providers[0] as unknown as { options: { authorize: (c: unknown, req: unknown) => Promise<unknown> } };
  const user = await provider.options.authorize({ email, password: PASSWORD, code }, { headers: { "x-forwarded-for": "192.0.2.20" } });
  return jwt({ token: {}, user: user as never, account: null, trigger: "signIn" } as never);
}
const errorOf = (p: Promise<unknown>) => p.then(() => "ok", (e: Error) => e.message);

async function advisor(name = "anna") {
  const s = await staffUser(prisma, "ADVISOR", name);
  await prisma.user.update({ where: { id: s.user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
  return s;
}

describe("the staff second factor", () => {
  it("a first sign-in opens only the enrolment; a first code turns it on with ten recovery codes; then a code is asked after the password", async () => {
    const { user } = await advisor();
    const first = await signIn(user.email);
    expect(first.sf).toBe(false);
    expect(await touchSession(first.sid)).toMatchObject({ secondFactor: false });
    const enrolment = await beginEnrolment(user.id);
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/.+secret=/);
    expect(enrolment.qrSvg).toContain("<svg");
    // stored encrypted, never in clear
    const stored = (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).totpSecret!;
    expect(stored).not.toContain(enrolment.secret);
    expect(decryptSecret(stored)).toBe(enrolment.secret);
    expect(await confirmEnrolment(user.id, "000000")).toBeNull();
    const t0 = new Date();
    const codes = await confirmEnrolment(user.id, codeAt(enrolment.secret, t0), t0);
    expect(codes).toHaveLength(10);

    // from now on: the password alone is not enough; a wrong code is refused; the right one gets in
    expect(await errorOf(signIn(user.email))).toBe("second-factor-required");
    expect(await errorOf(signIn(user.email, "123456"))).toBe("second-factor-invalid");
    const next = new Date(t0.getTime() + 30_000);
    const token = await signIn(user.email, codeAt(enrolment.secret, next));
    expect(token.sf).toBe(true);
    // the same code again (a replay): refused
    expect(await errorOf(signIn(user.email, codeAt(enrolment.secret, next)))).toBe("second-factor-invalid");
    // a recovery code works once
    expect(await verifySecondFactor(user.id, codes![0])).toBe(true);
    expect(await verifySecondFactor(user.id, codes![0])).toBe(false);
    expect(await prisma.auditLog.count({ where: { action: "auth.secondFactorFailed" } })).toBe(2);
  });

  it("two sign-ins with the same code at once: one gets in", async () => {
    const { user } = await advisor();
    const { secret } = await beginEnrolment(user.id);
    const t0 = new Date();
    await confirmEnrolment(user.id, codeAt(secret, t0), t0);
    const code = codeAt(secret, new Date(t0.getTime() + 30_000));
    const results = await Promise.all([verifySecondFactor(user.id, code), verifySecondFactor(user.id, code)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("an admin resets another staff member's factor — audited, their sessions end — never their own", async () => {
    const { user } = await advisor();
    const admin = await staffUser(prisma, "ADMIN", "adam");
    const manager = await staffUser(prisma, "MANAGER", "mona");
    const { secret } = await beginEnrolment(user.id);
    const t0 = new Date();
    await confirmEnrolment(user.id, codeAt(secret, t0), t0);
    const token = await signIn(user.email, codeAt(secret, new Date(t0.getTime() + 30_000)));
    expect((await listStaffAccounts(admin.viewer)).find((r) => r.id === user.id)).toMatchObject({ recoveryCodesLeft: 10 });
    await expect(resetStaffSecondFactor(manager.viewer, user.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(resetStaffSecondFactor(admin.viewer, admin.user.id)).rejects.toMatchObject({ code: "ownSecondFactor" } satisfies Partial<AppError>);
    await resetStaffSecondFactor(admin.viewer, user.id);
    expect(await touchSession(token.sid)).toBeNull();
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    expect(await prisma.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.auditLog.findFirstOrThrow({ where: { action: "auth.secondFactorReset" } })).toMatchObject({ actorId: admin.user.id, entityId: user.id });
    // the next sign-in enrols again
    expect((await signIn(user.email)).sf).toBe(false);
  });
});
