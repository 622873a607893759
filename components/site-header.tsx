import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "./language-switch";
import { LogoutButton } from "./logout-button";

export type NavItem = { href: string; label: string };

export async function SiteHeader({ nav = [], userName }: { nav?: NavItem[]; userName?: string }) {
  const t = await getTranslations("app");
  const tn = await getTranslations("nav");
  return (
    <header className="bg-brand-800 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="text-lg font-semibold text-white no-underline hover:text-white">
          {t("fundName")}
        </Link>
        {nav.length > 0 && (
          <nav aria-label={tn("main")}>
            <ul className="flex flex-wrap gap-4">
              {nav.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="text-white hover:underline">
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div className="flex items-center gap-3">
          {userName && <span className="text-sm">{userName}</span>}
          <LanguageSwitch />
          {userName && <LogoutButton />}
        </div>
      </div>
    </header>
  );
}
