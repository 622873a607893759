// A guide's stored content (one GuideText per language) → the text a reader gets: their language, else French.
import type { GuideText } from "@/lib/dto/guides";

const EMPTY: GuideText = { title: "", summary: "", mustDo: [], deadlines: [], fundDoes: [], links: [] };

export function guideText(content: unknown, locale: string): GuideText {
  const all = (content ?? {}) as Record<string, GuideText | undefined>;
  return { ...EMPTY, ...(all[locale] ?? all.fr ?? {}) };
}
