import "server-only";
import { prisma } from "@/lib/db/client";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import type { BulletinTopic } from "@/lib/dto/information";

/** The bulletin topics the affiliate receives by e-mail. */
export async function getMyBulletinTopics(viewer: Viewer | null): Promise<BulletinTopic[]> {
  const affiliateId = ownAffiliateId(viewer, "self");
  const rows = await prisma.bulletinSubscription.findMany({ where: { affiliateId }, orderBy: { topic: "asc" }, select: { topic: true } });
  return rows.map((r) => r.topic);
}
