import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { BULLETIN_TOPICS, type BulletinTopic } from "@/lib/dto/information";

/** The affiliate's opt-ins to the bulletin, topic by topic: exactly the ticked ones afterwards. */
export async function setMyBulletinTopics(viewer: Viewer | null, topics: readonly BulletinTopic[]): Promise<BulletinTopic[]> {
  assertPermission(viewer, "own-profile:update");
  const affiliateId = ownAffiliateId(viewer, "self");
  const wanted = BULLETIN_TOPICS.filter((t) => topics.includes(t));
  await prisma.$transaction([
    prisma.bulletinSubscription.deleteMany({ where: { affiliateId, topic: { notIn: wanted } } }),
    prisma.bulletinSubscription.createMany({ data: wanted.map((topic) => ({ affiliateId, topic })), skipDuplicates: true }),
  ]);
  return wanted;
}
