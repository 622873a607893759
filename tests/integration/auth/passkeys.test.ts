// Issue #15 part 3, the passkey half: a staff member registers a passkey (WebAuthn, @simplewebauthn/server) as their
// second factor, then signs in with password + passkey. A software authenticator built here (an ES256 key pair from
// node:crypto, attestation "none", assertions signed over authenticatorData ‖ SHA-256(clientDataJSON)) answers the
// options. A challenge is consumed once (a replay is refused), a passkey of someone else or an unknown one is refused,
// the last factor cannot be removed, and an admin reset removes the passkeys too.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import type { JWT } from "next-auth/jwt";
import { testDatabase } from "../helpers/db";
import { staffUser } from "../helpers/fixtures";
import { authOptions } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { beginPasskeyAuthentication, beginPasskeyRegistration, finishPasskeyRegistration, relyingParty, removePasskey, verifyPasskey } from "@/lib/auth/passkeys";
import { hasSecondFactor, resetSecondFactor } from "@/lib/auth/second-factor";
import { touchSession } from "@/lib/auth/sessions";
import { listStaffAccounts } from "@/lib/dal/account/list-staff-accounts";

const prisma = testDatabase();
const jwt = authOptions.callbacks!.jwt!;
const PASSWORD = "une phrase de passe longue";

async function signIn(email: string, second: { code?: string; passkey?: string } = {}): Promise<JWT> {
  const provider = authOptions.providers[0] as unknown as { options: { authorize: (c: unknown, req: unknown) => Promise<unknown> } };
  const user = await provider.options.authorize({ email, password: PASSWORD, code: second.code ?? "", passkey: second.passkey ?? "" }, { headers: { "x-forwarded-for": "192.0.2.21" } });
  return jwt({ token: {}, user: user as never, account: null, trigger: "signIn" } as never);
}
const errorOf = (p: Promise<unknown>) => p.then(() => "ok", (e: Error) => e.message);

async function advisor(name = "paula") {
  const s = await staffUser(prisma, "ADVISOR", name);
  await prisma.user.update({ where: { id: s.user.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
  return s;
}

// ── a software authenticator ────────────────────────────────────────────────────────────────────────────────────
const b64url = (b: Buffer | Uint8Array) => Buffer.from(b).toString("base64url");
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
/** A CBOR byte string header (lengths up to 65535). */
const cborBytes = (b: Buffer) => Buffer.concat([b.length < 24 ? Buffer.from([0x40 + b.length]) : b.length < 256 ? Buffer.from([0x58, b.length]) : Buffer.from([0x59, b.length >> 8, b.length & 0xff]), b]);
const cborText = (s: string) => Buffer.concat([Buffer.from([0x60 + s.length]), Buffer.from(s)]);

function softAuthenticator(origin = relyingParty().origin, rpID = relyingParty().rpID) {
  const { privateKey, publicKey } = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  const credentialId = crypto.randomBytes(16);
  // COSE_Key {1: 2 (EC2), 3: -7 (ES256), -1: 1 (P-256), -2: x, -3: y}
  const cose = Buffer.concat([Buffer.from([0xa5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21]), cborBytes(Buffer.from(jwk.x!, "base64url")), Buffer.from([0x22]), cborBytes(Buffer.from(jwk.y!, "base64url"))]);
  const rpIdHash = crypto.createHash("sha256").update(rpID).digest();
  let counter = 0;
  const clientData = (type: string, challenge: string) => Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  return {
    id: b64url(credentialId),
    /** The answer to registration options: attestation "none". */
    create(challenge: string) {
      const authData = Buffer.concat([rpIdHash, Buffer.from([0x45]) /* UP UV AT */, u32(counter), Buffer.alloc(16) /* AAGUID */, Buffer.from([0, credentialId.length]), credentialId, cose]);
      const attestationObject = Buffer.concat([Buffer.from([0xa3]), cborText("fmt"), cborText("none"), cborText("attStmt"), Buffer.from([0xa0]), cborText("authData"), cborBytes(authData)]);
      return JSON.stringify({
        id: b64url(credentialId), rawId: b64url(credentialId), type: "public-key", clientExtensionResults: {},
        response: { clientDataJSON: b64url(clientData("webauthn.create", challenge)), attestationObject: b64url(attestationObject), transports: ["internal"] },
      });
    },
    /** The answer to authentication options, signed with the private key; the counter moves on each time. */
    get(challenge: string, id = credentialId) {
      counter += 1;
      const authData = Buffer.concat([rpIdHash, Buffer.from([0x05]) /* UP UV */, u32(counter)]);
      const cd = clientData("webauthn.get", challenge);
      const signature = crypto.sign("sha256", Buffer.concat([authData, crypto.createHash("sha256").update(cd).digest()]), privateKey);
      return JSON.stringify({
        id: b64url(id), rawId: b64url(id), type: "public-key", clientExtensionResults: {},
        response: { clientDataJSON: b64url(cd), authenticatorData: b64url(authData), signature: b64url(signature) },
      });
    },
  };
}

async function registered(userId: string, name = "Portable") {
  const device = softAuthenticator();
  const options = await beginPasskeyRegistration(userId);
  expect(await finishPasskeyRegistration(userId, device.create(options.challenge), name)).toBe(true);
  return device;
}

describe("passkeys as the staff second factor", () => {
  it("registers a passkey (the challenge once), then signs in with password + passkey; the counter moves on", async () => {
    const { user } = await advisor();
    expect(await hasSecondFactor(user.id)).toBe(false);
    const device = softAuthenticator();
    const options = await beginPasskeyRegistration(user.id);
    expect(options.rp.id).toBe(relyingParty().rpID);
    expect(options.authenticatorSelection?.userVerification).toBe("preferred");
    const answer = device.create(options.challenge);
    expect(await finishPasskeyRegistration(user.id, answer, "Portable du bureau")).toBe(true);
    // the same answer again: its challenge is gone
    expect(await finishPasskeyRegistration(user.id, answer, "Encore")).toBe(false);
    expect(await prisma.passkey.findMany({ where: { userId: user.id } })).toEqual([expect.objectContaining({ credentialId: device.id, name: "Portable du bureau", counter: 0n, transports: ["internal"] })]);
    expect(await hasSecondFactor(user.id)).toBe(true);
    expect(await prisma.auditLog.count({ where: { action: "auth.passkeyAdded", actorId: user.id } })).toBe(1);
    expect((await listStaffAccounts((await staffUser(prisma, "ADMIN", "adam")).viewer)).find((r) => r.id === user.id)?.secondFactorSince).not.toBeNull();

    // the password alone no longer opens anything
    expect(await errorOf(signIn(user.email))).toBe("second-factor-required");
    const auth = await beginPasskeyAuthentication(user.id);
    expect(auth?.allowCredentials).toEqual([expect.objectContaining({ id: device.id })]);
    const assertion = device.get(auth!.challenge);
    const token = await signIn(user.email, { passkey: assertion });
    expect(token.sf).toBe(true);
    expect(await touchSession(token.sid)).toMatchObject({ secondFactor: true });
    expect(await prisma.passkey.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ counter: 1n, lastUsedAt: expect.any(Date) });

    // a replay of the same assertion: its challenge was consumed
    expect(await errorOf(signIn(user.email, { passkey: assertion }))).toBe("second-factor-invalid");
    expect(await prisma.auditLog.count({ where: { action: "auth.secondFactorFailed" } })).toBe(1);
    // a new challenge works again
    const again = await beginPasskeyAuthentication(user.id);
    expect((await signIn(user.email, { passkey: device.get(again!.challenge) })).sf).toBe(true);
  });

  it("refuses an unknown credential, another person's passkey, a wrong key, a wrong origin and an expired challenge", async () => {
    const { user } = await advisor();
    const other = await advisor("otto");
    const mine = await registered(user.id);
    const theirs = await registered(other.user.id);
    // an authenticator never registered
    let auth = await beginPasskeyAuthentication(user.id);
    expect(await verifyPasskey(user.id, softAuthenticator().get(auth!.challenge))).toBe(false);
    // someone else's passkey, with a challenge issued to me
    expect(await verifyPasskey(user.id, theirs.get(auth!.challenge))).toBe(false);
    // my credential id signed by another key
    expect(await verifyPasskey(user.id, softAuthenticator().get(auth!.challenge, Buffer.from(mine.id, "base64url")))).toBe(false);
    // a phishing site's origin
    auth = await beginPasskeyAuthentication(user.id);
    const phished = softAuthenticator("https://caisse-login.example", relyingParty().rpID);
    expect(await verifyPasskey(user.id, phished.get(auth!.challenge))).toBe(false);
    // a challenge issued to another person
    const otherAuth = await beginPasskeyAuthentication(other.user.id);
    expect(await verifyPasskey(user.id, mine.get(otherAuth!.challenge))).toBe(false);
    // an expired challenge
    const old = await beginPasskeyAuthentication(user.id, new Date(Date.now() - 10 * 60_000));
    expect(await verifyPasskey(user.id, mine.get(old!.challenge))).toBe(false);
    // garbage
    expect(await verifyPasskey(user.id, "{not json")).toBe(false);
    // and none of these was a sign-in; a fresh, right one still is
    const fresh = await beginPasskeyAuthentication(user.id);
    expect(await verifyPasskey(user.id, mine.get(fresh!.challenge))).toBe(true);
  });

  it("two sign-ins with one assertion at once: one gets in", async () => {
    const { user } = await advisor();
    const device = await registered(user.id);
    const auth = await beginPasskeyAuthentication(user.id);
    const assertion = device.get(auth!.challenge);
    const results = await Promise.all([verifyPasskey(user.id, assertion), verifyPasskey(user.id, assertion)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("the last second factor cannot be removed; another passkey can", async () => {
    const { user } = await advisor();
    await registered(user.id, "Un");
    const [first] = await prisma.passkey.findMany({ where: { userId: user.id } });
    expect(await removePasskey(user.id, first.id)).toBe("last");
    await registered(user.id, "Deux");
    expect(await removePasskey(user.id, first.id)).toBe("removed");
    expect(await prisma.passkey.count({ where: { userId: user.id } })).toBe(1);
    const [second] = await prisma.passkey.findMany({ where: { userId: user.id } });
    expect(await removePasskey(user.id, second.id)).toBe("last");
    // nobody removes another person's passkey
    const other = await advisor("otto");
    await registered(other.user.id);
    const theirs = await prisma.passkey.findFirstOrThrow({ where: { userId: other.user.id } });
    expect(await removePasskey(user.id, theirs.id)).toBe("notFound");
  });

  it("an admin reset removes the passkeys too: the next sign-in enrols again", async () => {
    const { user } = await advisor();
    const admin = await staffUser(prisma, "ADMIN", "adam");
    const device = await registered(user.id);
    const auth = await beginPasskeyAuthentication(user.id);
    const token = await signIn(user.email, { passkey: device.get(auth!.challenge) });
    await beginPasskeyAuthentication(user.id);
    expect(await resetSecondFactor(admin.user.id, user.id)).toBe(true);
    expect(await touchSession(token.sid)).toBeNull();
    expect(await prisma.passkey.count({ where: { userId: user.id } })).toBe(0);
    expect(await prisma.webAuthnChallenge.count({ where: { userId: user.id } })).toBe(0);
    expect(await hasSecondFactor(user.id)).toBe(false);
    expect((await signIn(user.email)).sf).toBe(false);
  });
});
