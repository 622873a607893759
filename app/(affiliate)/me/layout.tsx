import { getTranslations } from "next-intl/server";
import { SiteHeader, type NavItem } from "@/components/site-header";
import { ActingBanner } from "@/components/accountants/acting-banner";
import { requireViewer } from "@/lib/auth/session";
import { allowed } from "@/lib/auth/viewer";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function AffiliateLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer("own-dossier:read", "/me");
  const t = await getTranslations("nav");
  const nav: NavItem[] = [
    { href: "/me", label: t("myAccount") },
    { href: "/me/pay", label: t("pay") },
    { href: "/me/requests", label: t("requests") },
    { href: "/me/documents", label: t("documents") },
  ];
  // the profile (and the mandates given) is the affiliate's own; an accountant acting for them goes back to the portfolio
  if (allowed(viewer, "own-profile:update")) nav.push({ href: "/me/profile", label: t("profile") });
  if (allowed(viewer, "portfolio:read")) nav.push({ href: "/portfolio", label: t("portfolio") });
  return (
    <ClientMessages part="affiliate">
      <SiteHeader nav={nav} userName={viewer.name} />
      <ActingBanner viewer={viewer} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </ClientMessages>
  );
}
