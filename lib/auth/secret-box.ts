// Second-factor secrets at rest: AES-256-GCM with a key derived from NEXTAUTH_SECRET (HKDF). No "server-only"
// marker: the demo seed (plain Node) enrols the demo staff with it.
import crypto from "node:crypto";

function key(): Buffer {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  return Buffer.from(crypto.hkdfSync("sha256", secret, "caisse-portal", "totp-secret-v1", 32));
}

export function encryptSecret(base32: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(base32, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

export function decryptSecret(stored: string): string {
  const [v, iv, body, tag] = stored.split(".");
  if (v !== "v1" || !iv || !body || !tag) throw new Error("unreadable second-factor secret");
  const decipher = crypto.createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

