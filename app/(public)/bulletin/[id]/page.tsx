import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { BulletinArticle } from "@/components/information/bulletin-article";
import { orNotFound } from "@/lib/auth/session";
import { getPublishedBulletin } from "@/lib/dal/bulletins/get-published-bulletin";
import type { AppLocale } from "@/lib/i18n/config";

const localeOf = async () => (await getLocale()) as AppLocale;

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const t = await getTranslations("info_bulletin");
  const issue = await getPublishedBulletin((await params).id, await localeOf()).catch(() => null);
  return { title: issue ? issue.title : t("title") };
}

export default async function BulletinIssuePage({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("info_bulletin");
  const locale = await localeOf();
  const issue = await orNotFound(getPublishedBulletin((await params).id, locale));
  return (
    <div className="space-y-6">
      <p><Link href="/bulletin">{t("back")}</Link></p>
      {issue.language !== locale && <p role="note" className="rounded border border-slate-300 bg-white p-3">{t("otherLanguage")}</p>}
      <BulletinArticle issue={issue} />
    </div>
  );
}
