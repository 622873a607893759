import "server-only";
import crypto from "node:crypto";
import { prisma } from "@/lib/db/client";
import { endAllSessions } from "./sessions";
import { recordAuthEvent } from "./events";
import { sendEmail } from "@/lib/mail/outbox";
import { serverTranslator } from "@/lib/i18n/translator";
import { hashPassword } from "./password";
import type { AppLocale } from "@/lib/i18n/config";

// Account activation and password reset without a table: a token is
//   base64url("<userId>.<expiry, unix seconds>.<HMAC-SHA256 hex>")
// where the HMAC covers purpose | userId | expiry | the user's CURRENT password hash, keyed by a key derived from
// NEXTAUTH_SECRET. Setting a password changes the hash, so every token issued before dies with it: single use
// without storage. A new affiliate's first hash is the hash of 32 random bytes (nobody knows the password).

export type TokenPurpose = "activation" | "reset";

/** How long a link stays valid: an activation link 14 days (sent with the welcome e-mail), a reset link 1 hour. */
export const TOKEN_TTL_SECONDS: Record<TokenPurpose, number> = { activation: 14 * 24 * 3600, reset: 3600 };

/** Reset e-mails per account and hour: beyond, requests get the same answer but no e-mail (no mail bombing). */
export const RESET_MAX_PER_HOUR = 3;

type TokenUser = { id: string; passwordHash: string };

function tokenKey(secret: string | undefined): Buffer {
  const s = secret ?? process.env.NEXTAUTH_SECRET;
  if (!s) throw new Error("NEXTAUTH_SECRET is not set: account links cannot be signed.");
  // a key of its own, derived from the session secret (the raw secret never signs anything else than sessions)
  return crypto.createHmac("sha256", s).update("caisse-portal:account-link-key").digest();
}

function mac(key: Buffer, purpose: TokenPurpose, userId: string, expiry: number, passwordHash: string): Buffer {
  return crypto.createHmac("sha256", key).update(`${purpose}|${userId}|${expiry}|${passwordHash}`).digest();
}

/** A link token for this user, purpose and moment (`now` injected for tests). */
export function createToken(user: TokenUser, purpose: TokenPurpose, now: Date, secret?: string): string {
  const expiry = Math.floor(now.getTime() / 1000) + TOKEN_TTL_SECONDS[purpose];
  const signature = mac(tokenKey(secret), purpose, user.id, expiry, user.passwordHash).toString("hex");
  return Buffer.from(`${user.id}.${expiry}.${signature}`, "utf8").toString("base64url");
}

/** The user id a token claims (unverified: only to look the user up before verifyToken), or null if malformed. */
export function tokenUserId(token: string): string | null {
  return parse(token)?.userId ?? null;
}

function parse(token: string): { userId: string; expiry: number; signature: Buffer } | null {
  if (typeof token !== "string" || token.length === 0 || token.length > 512 || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
  const parts = Buffer.from(token, "base64url").toString("utf8").split(".");
  if (parts.length !== 3) return null;
  const [userId, expiryText, hex] = parts;
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(userId) || !/^\d{1,12}$/.test(expiryText) || !/^[0-9a-f]{64}$/.test(hex)) return null;
  return { userId, expiry: Number(expiryText), signature: Buffer.from(hex, "hex") };
}

/** True when the token was issued for this user, with this purpose, over their current password hash, and is unexpired. */
export function verifyToken(token: string, user: TokenUser, purpose: TokenPurpose, now: Date, secret?: string): boolean {
  const p = parse(token);
  if (!p || p.userId !== user.id) return false;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (p.expiry < nowSeconds || p.expiry > nowSeconds + TOKEN_TTL_SECONDS[purpose]) return false;
  const expected = mac(tokenKey(secret), purpose, user.id, p.expiry, user.passwordHash);
  return expected.length === p.signature.length && crypto.timingSafeEqual(expected, p.signature);
}

/** A password nobody knows, for an account waiting for its activation. */
export async function unusablePasswordHash(): Promise<string> {
  return hashPassword(crypto.randomBytes(32).toString("base64url"));
}

/** The portal's configured public address (NEXTAUTH_URL), never the request's Host header: a forged Host would
 *  otherwise put an attacker's address, carrying a genuine token, in a genuine e-mail. */
export function portalBaseUrl(): string {
  return (process.env.NEXTAUTH_URL ?? "").replace(/\/$/, "");
}

export function accountLink(purpose: TokenPurpose, token: string): string {
  return `${portalBaseUrl()}/${purpose === "activation" ? "activate" : "reset-password"}?token=${token}`;
}

/** The activation link of a user (14 days), for the welcome e-mail. */
export function activationLink(user: TokenUser, now: Date): string {
  return accountLink("activation", createToken(user, "activation", now));
}

export type SetPasswordOutcome = "ok" | "invalidToken";

/**
 * Sets the password of the token's user when the token is valid for `purpose` (and the account not disabled).
 * The update is conditional on the hash the token was checked against: two concurrent uses of one link cannot
 * both succeed. Clears the failed sign-in counter.
 */
export async function setPasswordWithToken(token: string, purpose: TokenPurpose, password: string, now = new Date()): Promise<SetPasswordOutcome> {
  const userId = tokenUserId(token);
  if (!userId) return "invalidToken";
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, passwordHash: true, disabledAt: true, affiliateId: true } });
  if (!user || user.disabledAt || !verifyToken(token, user, purpose, now)) return "invalidToken";
  const passwordHash = await hashPassword(password);
  const updated = await prisma.user.updateMany({
    where: { id: user.id, passwordHash: user.passwordHash, disabledAt: null },
    data: { passwordHash, failedLogins: 0, lastFailedAt: null },
  });
  if (updated.count !== 1) return "invalidToken";
  // a new password ends every session of the account (a stolen cookie dies with the old password)
  await endAllSessions(user.id, "passwordReset", now);
  await recordAuthEvent("auth.passwordReset", { id: user.id, affiliateId: user.affiliateId }, { reason: purpose });
  return "ok";
}

/** Whether a token is (still) valid, for the pages to show the form or the "link expired" notice. */
export async function checkToken(token: string, purpose: TokenPurpose, now = new Date()): Promise<boolean> {
  const userId = tokenUserId(token);
  if (!userId) return false;
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, passwordHash: true, disabledAt: true } });
  return !!user && !user.disabledAt && verifyToken(token, user, purpose, now);
}

export type ResetOutcome = "sent" | "unknown" | "disabled" | "throttled";

/**
 * Sends a reset link to an account's address. The caller answers the same whatever the outcome (no account
 * enumeration); the outcome is for tests and logs only. Unknown and disabled accounts get no e-mail; an account
 * that already received RESET_MAX_PER_HOUR reset e-mails in the last hour gets none either.
 */
export async function requestPasswordReset(emailInput: string, now = new Date()): Promise<ResetOutcome> {
  const email = emailInput.trim().toLowerCase();
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, locale: true, passwordHash: true, disabledAt: true, affiliateId: true } });
  if (!user) return "unknown";
  if (user.disabledAt) return "disabled";
  const recent = await prisma.outboundEmail.count({ where: { to: user.email, template: "auth.reset", createdAt: { gt: new Date(now.getTime() - 3600_000) } } });
  if (recent >= RESET_MAX_PER_HOUR) return "throttled";
  const link = accountLink("reset", createToken(user, "reset", now));
  const t = serverTranslator(user.locale, "auth_mail");
  await sendEmail({
    to: user.email,
    subject: t("resetSubject"),
    text: t("resetText", { name: user.name, link, minutes: TOKEN_TTL_SECONDS.reset / 60 }),
    template: "auth.reset",
    affiliateId: user.affiliateId,
  });
  return "sent";
}

/** The paragraph of the welcome e-mail that carries the activation link, in the affiliate's language. */
export async function activationParagraph(locale: AppLocale, link: string): Promise<string> {
  const t = serverTranslator(locale, "auth_mail");
  return t("activationText", { link, days: TOKEN_TTL_SECONDS.activation / 86400 });
}
