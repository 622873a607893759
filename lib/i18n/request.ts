import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "./messages";
import { isLocale, localeFromAcceptLanguage, LOCALE_COOKIE, type AppLocale } from "./config";

/** The request's language: the remembered choice (cookie, set at sign-in from the user's profile) or the browser's. */
export async function resolveLocale(): Promise<AppLocale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  const messages = await loadMessages(locale);
  return { locale, messages, timeZone: "Europe/Brussels" };
});
