// The one-click unsubscribe link of the bulletin's e-mails: an HMAC of (affiliate, topic) with a key derived from
// NEXTAUTH_SECRET (HKDF), so that the link unsubscribes that affiliate from that topic without signing in, and nothing
// else; it never expires (an old e-mail must still let its reader leave). No "server-only": tests compute it.
import crypto from "node:crypto";
import { BULLETIN_TOPICS, type BulletinTopic } from "@/lib/dto/information";

function key(secret = process.env.NEXTAUTH_SECRET): Buffer {
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  return Buffer.from(crypto.hkdfSync("sha256", secret, "caisse-portal", "bulletin-unsubscribe-v1", 32));
}

export function unsubscribeSignature(affiliateId: string, topic: BulletinTopic, secret?: string): string {
  return crypto.createHmac("sha256", key(secret)).update(`${affiliateId}\n${topic}`).digest("base64url");
}

/** The (affiliate, topic) the link is for when its signature holds, else null. */
export function verifyUnsubscribe(input: { a?: unknown; topic?: unknown; s?: unknown }, secret?: string): { affiliateId: string; topic: BulletinTopic } | null {
  const { a, topic, s } = input;
  if (typeof a !== "string" || typeof s !== "string" || typeof topic !== "string" || !a || a.length > 64) return null;
  if (!(BULLETIN_TOPICS as readonly string[]).includes(topic)) return null;
  const expected = Buffer.from(unsubscribeSignature(a, topic as BulletinTopic, secret));
  const given = Buffer.from(s);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? { affiliateId: a, topic: topic as BulletinTopic } : null;
}

/** The query string of the link (also the List-Unsubscribe URL of RFC 8058). */
export function unsubscribeQuery(affiliateId: string, topic: BulletinTopic): string {
  return new URLSearchParams({ a: affiliateId, topic, s: unsubscribeSignature(affiliateId, topic) }).toString();
}
