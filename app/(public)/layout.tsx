import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { currentViewer } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/permissions";
import type { AppLocale } from "@/lib/i18n/config";
import { ClientMessages } from "@/components/i18n/client-messages";

// every public page announces the information bulletin's Atom feed in the reader's language
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("info_bulletin");
  const locale = (await getLocale()) as AppLocale;
  return { alternates: { types: { "application/atom+xml": [{ url: `/bulletin/feed.xml?lang=${locale}`, title: t("title") }] } } };
}

export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("nav");
  const viewer = await currentViewer();
  const nav = [
    { href: "/", label: t("home") },
    { href: "/simulator", label: t("simulator") },
    { href: "/guides", label: t("guides") },
    { href: "/affiliation", label: t("affiliation") },
    { href: "/performance", label: t("performance") },
    viewer ? { href: homeFor(viewer.role), label: t("myArea") } : { href: "/login", label: t("login") },
  ];
  return (
    <ClientMessages part="public">
      <SiteHeader nav={nav} userName={viewer?.name} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </ClientMessages>
  );
}
