import "server-only";
import { prisma } from "@/lib/db/client";
import { verifyUnsubscribe } from "@/lib/auth/unsubscribe-token";
import type { BulletinTopic } from "@/lib/dto/information";

/**
 * The one-click unsubscribe of a bulletin e-mail, without signing in: the link's signature proves it was sent to that
 * affiliate for that topic, and it does nothing else. Unsubscribing twice is no error. A bad link: null.
 */
export async function unsubscribeFromBulletin(link: { a?: unknown; topic?: unknown; s?: unknown }): Promise<{ topic: BulletinTopic } | null> {
  const v = verifyUnsubscribe(link);
  if (!v) return null;
  const { count } = await prisma.bulletinSubscription.deleteMany({ where: { affiliateId: v.affiliateId, topic: v.topic } });
  if (count > 0) await prisma.auditLog.create({ data: { action: "bulletin.unsubscribe", entity: "BulletinSubscription", entityId: `${v.affiliateId}:${v.topic}`, affiliateId: v.affiliateId, details: { topic: v.topic, via: "link" } } });
  return { topic: v.topic };
}
