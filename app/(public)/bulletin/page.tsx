import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui";
import { publishedOn } from "@/components/information/bulletin-article";
import { listPublishedBulletins } from "@/lib/dal/bulletins/list-published-bulletins";
import { BULLETIN_TOPICS, type BulletinTopic } from "@/lib/dto/information";
import type { AppLocale } from "@/lib/i18n/config";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("info_bulletin");
  return { title: t("title") };
}

// The bulletin's public archive in the reader's language, by topic; the same issues as the Atom feed.
export default async function BulletinArchivePage({ searchParams }: { searchParams: Promise<{ topic?: string }> }) {
  const t = await getTranslations("info_bulletin");
  const tt = await getTranslations("info_topic");
  const locale = (await getLocale()) as AppLocale;
  const asked = (await searchParams).topic;
  const topic = (BULLETIN_TOPICS as readonly string[]).includes(asked ?? "") ? (asked as BulletinTopic) : undefined;
  const issues = await listPublishedBulletins(locale, { topic });
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p className="max-w-3xl">{t("intro")}</p>
      <p className="flex flex-wrap gap-x-6 gap-y-2">
        <a href={`/bulletin/feed.xml?lang=${locale}`} type="application/atom+xml">{t("feed")}</a>
        <Link href="/me/profile">{t("subscribe")}</Link>
      </p>
      <form method="get" className="flex flex-wrap items-end gap-2" aria-label={t("filter")}>
        <div>
          <label htmlFor="bulletin-topic" className="block font-medium">{t("topic")}</label>
          <select id="bulletin-topic" name="topic" defaultValue={topic ?? ""} className="mt-1 rounded border border-slate-500 px-2 py-1">
            <option value="">{t("allTopics")}</option>
            {BULLETIN_TOPICS.map((x) => <option key={x} value={x}>{tt(x)}</option>)}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("show")}</button>
      </form>
      {issues.length === 0 ? <p>{t("empty")}</p> : (
        <ul className="space-y-4">
          {await Promise.all(issues.map(async (i) => (
            <li key={i.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <h2 className="text-lg font-semibold text-brand-900"><Link href={`/bulletin/${i.id}`}>{i.title}</Link></h2>
              <p className="text-sm text-slate-700">{tt(i.topic)} — {t("publishedOn", { date: await publishedOn(i.publishedAt ?? "") })}</p>
              <p className="mt-2 line-clamp-3">{i.body.split(/\n\s*\n/)[0]}</p>
            </li>
          )))}
        </ul>
      )}
    </div>
  );
}
