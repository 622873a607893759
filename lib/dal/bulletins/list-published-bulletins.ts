import "server-only";
import type { AppLocale } from "@/lib/i18n/config";
import { prisma } from "@/lib/db/client";
import { issueOf } from "@/lib/dal/internal/bulletins";
import type { BulletinIssue, BulletinTopic } from "@/lib/dto/information";

/** The public archive (and Atom feed) in one language: the published issues written in it, newest first. Public. */
export async function listPublishedBulletins(locale: AppLocale, options: { topic?: BulletinTopic; take?: number } = {}): Promise<BulletinIssue[]> {
  const rows = await prisma.bulletin.findMany({
    where: { status: "PUBLISHED", ...(locale === "nl" ? { titleNl: { not: null } } : { titleFr: { not: null } }), ...(options.topic ? { topic: options.topic } : {}) },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: options.take ?? 100,
  });
  return rows.map((r) => issueOf(r, locale));
}
