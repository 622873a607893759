import "server-only";
import { prisma } from "@/lib/db/client";
import type { AppLocale } from "@/lib/i18n/config";
import type { GuideText } from "@/lib/dto/guides";
import { NotFoundError } from "@/lib/errors";
import { guideText } from "@/lib/dal/internal/guides";

/** One guide in the reader's language (public); an unknown slug is a 404. */
export async function getGuide(slug: string, locale: AppLocale): Promise<GuideText> {
  const g = await prisma.guide.findUnique({ where: { slug } });
  if (!g) throw new NotFoundError("guide");
  return guideText(g.content, locale);
}
