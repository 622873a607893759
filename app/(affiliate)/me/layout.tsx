import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { requireViewer } from "@/lib/auth/session";

export default async function AffiliateLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer("own-dossier:read", "/me");
  const t = await getTranslations("nav");
  return (
    <>
      <SiteHeader
        nav={[
          { href: "/me", label: t("myAccount") },
          { href: "/me/pay", label: t("pay") },
          { href: "/me/requests", label: t("requests") },
          { href: "/me/documents", label: t("documents") },
          { href: "/me/profile", label: t("profile") },
        ]}
        userName={viewer.name}
      />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
