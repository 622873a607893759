// The fund's life-event guides (issue #18 part 1): the first version of the texts staff then edit on /staff/guides,
// one JSON file per language (prisma/guides/<lang>.json), in the order the public reads them.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import fr from "./guides/fr.json";
import nl from "./guides/nl.json";
import de from "./guides/de.json";
import en from "./guides/en.json";

const BY_LANGUAGE: Record<string, Record<string, unknown>> = { fr, nl, de, en };

export function guideContents(): { slug: string; position: number; content: Record<string, unknown> }[] {
  return Object.keys(fr).map((slug, position) => ({ slug, position, content: Object.fromEntries(Object.entries(BY_LANGUAGE).map(([l, texts]) => [l, texts[slug]])) }));
}

export async function seedGuides(prisma: PrismaClient) {
  await prisma.guide.createMany({ data: guideContents().map((g) => ({ ...g, content: g.content as never })), skipDuplicates: true });
}
