import "server-only";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { prisma } from "@/lib/db/client";

// Passkeys (WebAuthn) as the staff second factor, instead of or besides TOTP (issue #15 part 3; docs/decisions/0033),
// with @simplewebauthn/server. The relying party is the portal's configured public address (NEXTAUTH_URL: its host
// name is the RP ID, its origin the expected origin) — never the request's Host header. A challenge lives a few
// minutes in WebAuthnChallenge and is consumed once, by a conditional delete: a replayed response finds none.

const RP_NAME = "Caisse d'assurances sociales";
export const CHALLENGE_SECONDS = 5 * 60;
type Purpose = "register" | "authenticate";

export function relyingParty(): { rpID: string; origin: string } {
  const url = new URL(process.env.NEXTAUTH_URL || "http://localhost:3000");
  return { rpID: url.hostname, origin: url.origin };
}

async function storeChallenge(userId: string, challenge: string, purpose: Purpose, now: Date) {
  // the user's expired challenges go at the same time (the table stays small)
  await prisma.webAuthnChallenge.deleteMany({ where: { userId, expiresAt: { lte: now } } });
  await prisma.webAuthnChallenge.create({ data: { userId, challenge, purpose, expiresAt: new Date(now.getTime() + CHALLENGE_SECONDS * 1000) } });
}

/** True once for a live challenge of this user and purpose: it is deleted (two answers at once: one wins). */
async function consumeChallenge(userId: string, challenge: string, purpose: Purpose, now: Date): Promise<boolean> {
  const { count } = await prisma.webAuthnChallenge.deleteMany({ where: { userId, challenge, purpose, expiresAt: { gt: now } } });
  return count === 1;
}

function parseJson<T>(input: unknown): T | null {
  if (typeof input !== "string") return (input as T) ?? null;
  try {
    return JSON.parse(input) as T;
  } catch {
    return null;
  }
}

export async function hasPasskey(userId: string): Promise<boolean> {
  return (await prisma.passkey.count({ where: { userId } })) > 0;
}

/** A staff member's own second factor, for their security page: TOTP on or not, their passkeys. */
export async function mySecondFactors(userId: string) {
  const [user, passkeys] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true } }),
    prisma.passkey.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, createdAt: true, lastUsedAt: true } }),
  ]);
  return { totp: user.totpEnabledAt !== null, passkeys };
}

/** Who may register a passkey now: a staff member whose session has the second factor, or one who has none yet (the
 *  enrolment at first sign-in). A session waiting for the code of an enrolled factor may not add one. */
export async function mayRegisterPasskey(userId: string, sessionHasSecondFactor: boolean): Promise<boolean> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { role: true, disabledAt: true, totpEnabledAt: true, _count: { select: { passkeys: true } } } });
  if (!user || user.disabledAt || user.role === "AFFILIATE") return false;
  return sessionHasSecondFactor || (!user.totpEnabledAt && user._count.passkeys === 0);
}

/** The options for the browser's navigator.credentials.create (startRegistration): a new challenge, kept. */
export async function beginPasskeyRegistration(userId: string, now = new Date()): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true, passkeys: { select: { credentialId: true, transports: true } } } });
  const { rpID } = relyingParty();
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(userId),
    attestationType: "none",
    // the same authenticator is not registered twice
    excludeCredentials: user.passkeys.map((p) => ({ id: p.credentialId, transports: p.transports as AuthenticatorTransport[] })),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await storeChallenge(userId, options.challenge, "register", now);
  return options;
}

/** Checks the browser's answer to the registration options and keeps the new passkey; false when it does not verify
 *  (wrong origin or RP, unknown, expired or already used challenge…). */
export async function finishPasskeyRegistration(userId: string, responseInput: unknown, name: string, now = new Date()): Promise<boolean> {
  const response = parseJson<RegistrationResponseJSON>(responseInput);
  if (!response?.response?.clientDataJSON) return false;
  const { rpID, origin } = relyingParty();
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: (challenge) => consumeChallenge(userId, challenge, "register", now),
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: false,
    });
  } catch {
    return false;
  }
  if (!verification.verified || !verification.registrationInfo) return false;
  const { credential } = verification.registrationInfo;
  if (await prisma.passkey.findUnique({ where: { credentialId: credential.id }, select: { id: true } })) return false;
  await prisma.$transaction([
    prisma.passkey.create({
      data: {
        userId,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey),
        counter: BigInt(credential.counter),
        transports: credential.transports ?? response.response.transports ?? [],
        name: name.trim().slice(0, 60) || "Passkey",
        createdAt: now,
      },
    }),
    prisma.auditLog.create({ data: { actorId: userId, action: "auth.passkeyAdded", entity: "User", entityId: userId } }),
  ]);
  return true;
}

/** The options for navigator.credentials.get (startAuthentication) for a user with passkeys, or null. Call it only
 *  for a user whose password was just verified. */
export async function beginPasskeyAuthentication(userId: string, now = new Date()): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
  const passkeys = await prisma.passkey.findMany({ where: { userId }, select: { credentialId: true, transports: true } });
  if (passkeys.length === 0) return null;
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().rpID,
    allowCredentials: passkeys.map((p) => ({ id: p.credentialId, transports: p.transports as AuthenticatorTransport[] })),
    userVerification: "preferred",
  });
  await storeChallenge(userId, options.challenge, "authenticate", now);
  return options;
}

/** Checks a passkey answer (the JSON of startAuthentication) for this user: a passkey of theirs, a live challenge
 *  issued to them (consumed here), a valid signature and a counter that moved on (a cloned authenticator stops). */
export async function verifyPasskey(userId: string, responseInput: unknown, now = new Date()): Promise<boolean> {
  const response = parseJson<AuthenticationResponseJSON>(responseInput);
  if (!response || typeof response.id !== "string" || !response.response?.clientDataJSON) return false;
  const passkey = await prisma.passkey.findFirst({ where: { userId, credentialId: response.id } });
  if (!passkey) return false;
  const { rpID, origin } = relyingParty();
  let verification;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: (challenge) => consumeChallenge(userId, challenge, "authenticate", now),
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: Number(passkey.counter), transports: passkey.transports as AuthenticatorTransport[] },
      requireUserVerification: false,
    });
  } catch {
    return false;
  }
  if (!verification.verified) return false;
  // the counter moves only from the value just checked (two answers at once: one wins)
  const { count } = await prisma.passkey.updateMany({
    where: { id: passkey.id, counter: passkey.counter },
    data: { counter: BigInt(verification.authenticationInfo.newCounter), lastUsedAt: now },
  });
  return count === 1;
}

/** Removes one of the user's passkeys, unless it is their last second factor (no TOTP and no other passkey). */
export async function removePasskey(userId: string, passkeyId: string): Promise<"removed" | "last" | "notFound"> {
  return prisma.$transaction(async (tx) => {
    // the user's row is locked: two removals at once cannot both leave the account without a factor
    const users = await tx.$queryRaw<{ totpEnabledAt: Date | null }[]>`SELECT "totpEnabledAt" FROM "User" WHERE id = ${userId} FOR UPDATE`;
    if (users.length === 0) return "notFound";
    const passkeys = await tx.passkey.findMany({ where: { userId }, select: { id: true } });
    if (!passkeys.some((p) => p.id === passkeyId)) return "notFound";
    if (!users[0].totpEnabledAt && passkeys.length === 1) return "last";
    await tx.passkey.delete({ where: { id: passkeyId } });
    await tx.auditLog.create({ data: { actorId: userId, action: "auth.passkeyRemoved", entity: "User", entityId: userId } });
    return "removed";
  });
}
