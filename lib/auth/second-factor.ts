import "server-only";
import crypto from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { prisma } from "@/lib/db/client";
import { hashPassword, verifyPassword } from "./password";
import { endAllSessions } from "./sessions";
import { decryptSecret, encryptSecret } from "./secret-box";

// The staff second factor (issue #15 part 3; docs/decisions/0033): TOTP (RFC 6238, 6 digits, 30 s — any
// authenticator app) with `otpauth`, a maintained library, and single-use recovery codes. The secret is stored
// encrypted (AES-256-GCM, key derived from NEXTAUTH_SECRET); a code is accepted once: the last accepted time step is
// kept and an update conditional on it refuses a replay, even two at once.

const ISSUER = "Caisse d'assurances sociales";
const PERIOD = 30;
const WINDOW = 1; // one step either side: a clock a little off, or a code typed at the end of its 30 s
export const RECOVERY_CODE_COUNT = 10;

const totpOf = (base32: string, label: string) => new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(base32) });

/** The time step a code matches at `now` (within the window), or null. */
export function matchingStep(base32: string, code: string, now: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(base32, "x").validate({ token: code, timestamp: now.getTime(), window: WINDOW });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

/** The code of a base32 secret at `now` (for the demo's e2e sign-ins and tests). */
export function codeAt(base32: string, now: Date): string {
  return totpOf(base32, "x").generate({ timestamp: now.getTime() });
}

export type Enrolment = { secret: string; uri: string; qrSvg: string };

/** Starts (or shows again) the enrolment of a staff member who has no second factor yet: a new secret, kept encrypted
 *  until a first code confirms it. */
export async function beginEnrolment(userId: string): Promise<Enrolment> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, totpSecret: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new Error("second factor already enrolled");
  let secret = user.totpSecret ? decryptSecret(user.totpSecret) : null;
  if (!secret) {
    secret = new Secret({ size: 20 }).base32;
    await prisma.user.update({ where: { id: userId }, data: { totpSecret: encryptSecret(secret) } });
  }
  const uri = totpOf(secret, user.email).toString();
  return { secret, uri, qrSvg: await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" }) };
}

/** Confirms the enrolment with a first code: the factor is on, and the recovery codes are returned — shown once. */
export async function confirmEnrolment(userId: string, code: string, now = new Date()): Promise<string[] | null> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (user.totpEnabledAt || !user.totpSecret) return null;
  const step = matchingStep(decryptSecret(user.totpSecret), code.trim(), now);
  if (step === null) return null;
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const raw = crypto.randomBytes(5).toString("hex"); // 10 hex digits
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  const hashes = await Promise.all(codes.map((c) => hashPassword(c)));
  const done = await prisma.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId, totpEnabledAt: null }, data: { totpEnabledAt: now, totpLastStep: BigInt(step) } });
    if (count !== 1) return false;
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({ data: hashes.map((hash) => ({ userId, hash })) });
    await tx.auditLog.create({ data: { actorId: userId, action: "auth.secondFactorEnrolled", entity: "User", entityId: userId } });
    return true;
  });
  return done ? codes : null;
}

/** An enrolled second factor: TOTP, or at least one passkey (lib/auth/passkeys.ts). */
export async function hasSecondFactor(userId: string): Promise<boolean> {
  const u = await prisma.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true, _count: { select: { passkeys: true } } } });
  return !!u && (!!u.totpEnabledAt || u._count.passkeys > 0);
}

/** Checks a code (6 digits) or a recovery code (xxxxx-xxxxx) of an enrolled staff member; each is accepted once. */
export async function verifySecondFactor(userId: string, input: string, now = new Date()): Promise<boolean> {
  const code = input.trim().toLowerCase();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (!user?.totpEnabledAt || !user.totpSecret) return false;
  if (/^\d{6}$/.test(code)) {
    const step = matchingStep(decryptSecret(user.totpSecret), code, now);
    if (step === null) return false;
    // accepted once: only a step later than the last accepted one moves it (two at once: one wins)
    const rows = await prisma.$executeRaw`
      UPDATE "User" SET "totpLastStep" = ${BigInt(step)} WHERE id = ${userId} AND ("totpLastStep" IS NULL OR "totpLastStep" < ${BigInt(step)})`;
    return rows === 1;
  }
  if (!/^[0-9a-f]{5}-[0-9a-f]{5}$/.test(code)) return false;
  const unused = await prisma.recoveryCode.findMany({ where: { userId, usedAt: null }, select: { id: true, hash: true } });
  for (const r of unused) {
    if (await verifyPassword(r.hash, code)) {
      const { count } = await prisma.recoveryCode.updateMany({ where: { id: r.id, usedAt: null }, data: { usedAt: now } });
      return count === 1;
    }
  }
  return false;
}

/** An admin resets another staff member's second factor (never their own): the factor (TOTP and passkeys), the recovery codes and every
 *  session of that person are gone; their next sign-in enrols again. Recorded in the audit log. */
export async function resetSecondFactor(adminId: string, userId: string, now = new Date()): Promise<boolean> {
  if (adminId === userId) return false;
  const target = await prisma.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!target || target.role === "AFFILIATE") return false;
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.passkey.deleteMany({ where: { userId } });
    await tx.webAuthnChallenge.deleteMany({ where: { userId } });
    await tx.auditLog.create({ data: { actorId: adminId, action: "auth.secondFactorReset", entity: "User", entityId: userId } });
  });
  await endAllSessions(userId, "secondFactorReset", now);
  return true;
}
