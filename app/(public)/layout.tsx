import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { currentViewer } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/permissions";

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
    <>
      <SiteHeader nav={nav} userName={viewer?.name} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
