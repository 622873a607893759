// The life-event guides as the fund writes them (issue #18 part 1): reference data edited by staff, in each language.

export type GuideLink = { label: string; href: string };

/** One guide in one language: what the affiliate must do, by when, what the fund does, and where to go. */
export type GuideText = {
  title: string;
  summary: string;
  mustDo: string[];
  deadlines: string[];
  fundDoes: string[];
  links: GuideLink[];
};

export type GuideSummary = { slug: string; title: string; summary: string };

export type StaffGuide = { slug: string; position: number; content: Record<string, GuideText>; updatedAt: string; updatedByName: string | null };

/** A link of a guide: a page of the portal ("/me/requests/…") or an institution's public site (https only). */
export function isGuideHref(href: string): boolean {
  return /^\/[a-z0-9/_-]*$/i.test(href) || /^https:\/\/[a-z0-9.-]+\.[a-z]{2,}(\/[^\s]*)?$/i.test(href);
}
