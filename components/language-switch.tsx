import { getLocale, getTranslations } from "next-intl/server";
import { setLocaleAction } from "@/lib/actions/preferences";
import { LOCALES } from "@/lib/i18n/config";

/** Two submit buttons: works without JavaScript, remembered per user. */
export async function LanguageSwitch() {
  const locale = await getLocale();
  const t = await getTranslations("language");
  return (
    <form action={setLocaleAction} method="post" aria-label={t("label")} className="flex gap-1">
      {LOCALES.map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          lang={l}
          aria-pressed={l === locale}
          className={`rounded px-2 py-1 text-sm font-medium ${l === locale ? "bg-white text-brand-900" : "text-white underline hover:bg-brand-700"}`}
        >
          {t(l)}
        </button>
      ))}
    </form>
  );
}
