// The portal's languages. French is the source language; Dutch and German are Belgium's other official languages
// (an affiliate's letters are issued in one of the three); English is offered for reading the portal.
export const LOCALES = ["fr", "nl", "de", "en"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "fr";
export const LOCALE_COOKIE = "caisse-locale";

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The official languages: the ones an affiliate's legal letters are issued in. English is a courtesy. */
export const OFFICIAL_LOCALES = ["fr", "nl", "de"] as const;
export type OfficialLocale = (typeof OFFICIAL_LOCALES)[number];

export function isOfficialLocale(value: unknown): value is OfficialLocale {
  return typeof value === "string" && (OFFICIAL_LOCALES as readonly string[]).includes(value);
}

/** The BCP 47 tag Intl formats with: dates, amounts and ordinals as read in Belgium in that language. English takes
 *  the British conventions: ICU's "en-BE" mixes a decimal comma (20,5) with a decimal point in amounts (€2,543.89). */
export function localeTag(locale: string): string {
  return locale === "en" ? "en-GB" : isLocale(locale) ? `${locale}-BE` : "fr-BE";
}

/** Picks one of the portal's languages from an Accept-Language header (first supported language wins). */
export function localeFromAcceptLanguage(header: string | null | undefined): AppLocale {
  if (!header) return DEFAULT_LOCALE;
  for (const part of header.split(",")) {
    const tag = part.split(";")[0]?.trim().toLowerCase().slice(0, 2);
    if (isLocale(tag)) return tag;
  }
  return DEFAULT_LOCALE;
}
