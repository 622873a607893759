import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui";
import { listGuides } from "@/lib/dal/guides/list-guides";
import type { AppLocale } from "@/lib/i18n/config";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_guides");
  return { title: t("title") };
}

/** The life-event guides, as the fund writes them (staff edit them: /staff/guides). */
export default async function GuidesPage() {
  const t = await getTranslations("ss_guides");
  const guides = await listGuides((await getLocale()) as AppLocale);
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p className="max-w-3xl">{t("intro")}</p>
      <ul className="grid gap-4 md:grid-cols-2">
        {guides.map((g) => (
          <li key={g.slug} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 className="text-lg font-semibold text-brand-900">
              <Link href={`/guides/${g.slug}`}>{g.title}</Link>
            </h2>
            <p className="mt-1">{g.summary}</p>
          </li>
        ))}
      </ul>
      <p>
        <Link href="/forms">{t("formsLink")}</Link>
      </p>
    </div>
  );
}
