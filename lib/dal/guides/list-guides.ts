import "server-only";
import { prisma } from "@/lib/db/client";
import type { AppLocale } from "@/lib/i18n/config";
import type { GuideSummary } from "@/lib/dto/guides";
import { guideText } from "@/lib/dal/internal/guides";

/** The guides in the fund's order, in the reader's language (public). */
export async function listGuides(locale: AppLocale): Promise<GuideSummary[]> {
  const rows = await prisma.guide.findMany({ orderBy: [{ position: "asc" }, { slug: "asc" }] });
  return rows.map((g) => {
    const t = guideText(g.content, locale);
    return { slug: g.slug, title: t.title, summary: t.summary };
  });
}
