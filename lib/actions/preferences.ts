"use server";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { currentViewer } from "@/lib/auth/session";
import { setMyLanguage } from "@/lib/dal/profile/set-my-language";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";

/** Switches the language; remembered in a cookie and, for a signed-in user, in their profile. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365, httpOnly: false });
  const viewer = await currentViewer();
  if (viewer) await setMyLanguage(viewer, locale);
  revalidatePath("/", "layout");
}
