import { getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { requireViewer } from "@/lib/auth/session";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function PortfolioLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer("portfolio:read", "/portfolio");
  const t = await getTranslations("nav");
  return (
    <ClientMessages part="accountant">
      <SiteHeader nav={[{ href: "/portfolio", label: t("portfolio") }]} userName={viewer.name} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </ClientMessages>
  );
}
