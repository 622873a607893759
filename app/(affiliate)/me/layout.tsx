import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { requireViewer } from "@/lib/auth/session";

export default async function AffiliateLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer("own-dossier:read", "/me");
  const t = await getTranslations("nav");
  return (
    <>
      <SiteHeader nav={[{ href: "/me", label: t("myAccount") }]} userName={viewer.name} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
