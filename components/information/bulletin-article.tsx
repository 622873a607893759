import { getLocale, getTranslations } from "next-intl/server";
import { todayInBrussels } from "@/lib/clock";
import { formatLongDate } from "@/lib/format";
import type { BulletinIssue } from "@/lib/dto/information";

/** The Brussels date of a moment, in words ("2 décembre 2026"). */
export async function publishedOn(at: string): Promise<string> {
  return formatLongDate(await getLocale(), todayInBrussels(new Date(at), ""));
}

/** One issue as readers see it (the public page, and the staff preview): topic, date, title and paragraphs. */
export async function BulletinArticle({ issue, headingLevel = 1 }: { issue: BulletinIssue; headingLevel?: 1 | 2 }) {
  const t = await getTranslations("info_bulletin");
  const tt = await getTranslations("info_topic");
  const locale = await getLocale();
  const lang = issue.language === locale ? undefined : issue.language; // an issue shown in the other language says so
  const Heading = headingLevel === 1 ? "h1" : "h2";
  const paragraphs = issue.body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return (
    <article className="max-w-3xl space-y-4">
      <Heading lang={lang} className={headingLevel === 1 ? "text-2xl font-bold text-brand-900" : "text-xl font-semibold text-brand-900"}>{issue.title}</Heading>
      <p className="text-sm text-slate-700">
        {tt(issue.topic)}
        {issue.publishedAt && <> — {t("publishedOn", { date: await publishedOn(issue.publishedAt) })}</>}
      </p>
      <div lang={lang} className="space-y-3">
        {paragraphs.map((p, i) => (
          <p key={i} className="whitespace-pre-line">{p}</p>
        ))}
      </div>
    </article>
  );
}
