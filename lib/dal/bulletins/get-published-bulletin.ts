import "server-only";
import type { AppLocale } from "@/lib/i18n/config";
import { prisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { issueOf } from "@/lib/dal/internal/bulletins";
import type { BulletinIssue } from "@/lib/dto/information";

/** One published issue, in the reader's language when it is written in it. A draft is a 404 for everyone. Public. */
export async function getPublishedBulletin(id: string, locale: AppLocale): Promise<BulletinIssue> {
  const row = await prisma.bulletin.findFirst({ where: { id, status: "PUBLISHED" } });
  if (!row) throw new NotFoundError("bulletin");
  return issueOf(row, locale);
}
