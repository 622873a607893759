import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui";
import { AffiliationForm } from "@/components/backoffice/affiliation-form";
import type { AppLocale } from "@/lib/i18n/config";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("bo_affiliation");
  return { title: t("title") };
}

/** Public affiliation request: no login needed. */
export default async function AffiliationPage() {
  const t = await getTranslations("bo_affiliation");
  const locale = (await getLocale()) as AppLocale;
  return (
    <div className="max-w-2xl space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      <AffiliationForm locale={locale} />
    </div>
  );
}
