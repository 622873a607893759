import { listPublishedBulletins } from "@/lib/dal/bulletins/list-published-bulletins";
import { portalBaseUrl } from "@/lib/auth/activation";
import { serverTranslator } from "@/lib/i18n/translator";
import { answersBusy } from "@/lib/http/busy";
import { isLocale } from "@/lib/i18n/config";

// The bulletin as an Atom 1.0 feed (RFC 4287), one per language (?lang=fr|nl, French by default): the last 50
// published issues written in it, announced on every public page by <link rel="alternate">.

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");

// a busy database: the 503 busy page (lib/http/busy.ts), never a 500
export const GET = answersBusy(async (request: Request) => {
  const url = new URL(request.url);
  const asked = url.searchParams.get("lang");
  const locale = isLocale(asked) ? asked : "fr";
  const base = portalBaseUrl() || url.origin;
  const fund = serverTranslator(locale, "app")("fundName");
  const t = serverTranslator(locale, "info_bulletin");
  const topic = serverTranslator(locale, "info_topic");
  const issues = await listPublishedBulletins(locale, { take: 50 });
  const self = `${base}/bulletin/feed.xml?lang=${locale}`;
  const updated = issues[0]?.publishedAt ?? "2026-01-01T00:00:00.000Z";
  const entries = issues.map((i) =>
    [
      "  <entry>",
      `    <id>${xml(`${base}/bulletin/${i.id}`)}</id>`,
      `    <title type="text">${xml(i.title)}</title>`,
      `    <published>${i.publishedAt}</published>`,
      `    <updated>${i.publishedAt}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xml(`${base}/bulletin/${i.id}`)}"/>`,
      `    <category term="${i.topic}" label="${xml(topic(i.topic))}"/>`,
      `    <content type="text">${xml(i.body)}</content>`,
      "  </entry>",
    ].join("\n"),
  );
  const body = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`,
    `  <id>${xml(self)}</id>`,
    `  <title type="text">${xml(t("feedTitle", { fund }))}</title>`,
    `  <subtitle type="text">${xml(t("intro"))}</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${xml(fund)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(`${base}/bulletin`)}"/>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
  return new Response(body, { headers: { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "public, max-age=300", "x-content-type-options": "nosniff" } });
});
