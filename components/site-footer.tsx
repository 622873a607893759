import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";

// The footer of every page (app/layout.tsx): the fund's service commitment in one sentence, and its contact page,
// privacy notice, accessibility statement and information bulletin (with its Atom feed).
export async function SiteFooter() {
  const t = await getTranslations("info_footer");
  const ta = await getTranslations("app");
  const locale = await getLocale();
  const links = [
    { href: "/contact", label: t("contact") },
    { href: "/forms", label: t("forms") },
    { href: "/privacy", label: t("privacy") },
    { href: "/accessibility", label: t("accessibility") },
    { href: "/bulletin", label: t("bulletin") },
  ];
  return (
    <footer className="mt-12 border-t border-slate-300 bg-white">
      <div className="mx-auto max-w-6xl space-y-3 px-4 py-6 text-sm">
        <p className="font-semibold text-brand-900">{ta("fundName")}</p>
        <p className="max-w-3xl text-slate-700">{t("commitment")}</p>
        <nav aria-label={t("label")}>
          <ul className="flex flex-wrap gap-x-6 gap-y-2">
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href}>{l.label}</Link>
              </li>
            ))}
            <li>
              <a href={`/bulletin/feed.xml?lang=${locale}`} type="application/atom+xml">{t("feed")}</a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
