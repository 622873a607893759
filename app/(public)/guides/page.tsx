import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui";
import { GUIDES } from "@/app/(public)/guides/guides";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_guides");
  return { title: t("title") };
}

export default async function GuidesPage() {
  const t = await getTranslations("ss_guides");
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p className="max-w-3xl">{t("intro")}</p>
      <ul className="grid gap-4 md:grid-cols-2">
        {GUIDES.map((g) => (
          <li key={g.slug} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 className="text-lg font-semibold text-brand-900">
              <Link href={`/guides/${g.slug}`}>{t(`items.${g.slug}.title`)}</Link>
            </h2>
            <p className="mt-1">{t(`items.${g.slug}.summary`)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
