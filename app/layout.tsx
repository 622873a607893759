import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { SiteFooter } from "@/components/site-footer";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return {
    title: { default: t("title"), template: `%s · ${t("title")}` },
    description: t("tagline"),
    icons: { icon: [{ url: "/favicon.ico", sizes: "32x32 16x16" }, { url: "/icon.svg", type: "image/svg+xml" }] },
    manifest: "/manifest.webmanifest",
  };
}

export const viewport: Viewport = { themeColor: "#0d2a45" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("app");
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <a href="#main" className="skip-link">
          {t("skipToContent")}
        </a>
        <ClientMessages part="root">{children}</ClientMessages>
        <SiteFooter />
      </body>
    </html>
  );
}
