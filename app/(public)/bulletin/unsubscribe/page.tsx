import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui";
import { verifyUnsubscribe } from "@/lib/auth/unsubscribe-token";
import { BULLETIN_TOPICS, type BulletinTopic } from "@/lib/dto/information";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("info_unsubscribe");
  return { title: t("title") };
}

// The unsubscribe link of a bulletin e-mail, without signing in. Opening it (GET) changes nothing — mail scanners open
// links — it asks for the one click that does (POST to /api/bulletin/unsubscribe, which is also the RFC 8058 one-click
// endpoint of the List-Unsubscribe header). ?done=<topic> is where that click comes back.
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ a?: string; topic?: string; s?: string; done?: string }> }) {
  const t = await getTranslations("info_unsubscribe");
  const tt = await getTranslations("info_topic");
  const q = await searchParams;
  const done = (BULLETIN_TOPICS as readonly string[]).includes(q.done ?? "") ? (q.done as BulletinTopic) : null;
  const link = done ? null : verifyUnsubscribe(q);
  return (
    <div className="max-w-2xl space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      {done ? (
        <p role="status" className="rounded border border-ok-700 p-3 text-ok-700">{t("done", { topic: tt(done) })}</p>
      ) : link ? (
        <form method="post" action="/api/bulletin/unsubscribe" className="space-y-4">
          <input type="hidden" name="a" value={link.affiliateId} />
          <input type="hidden" name="topic" value={link.topic} />
          <input type="hidden" name="s" value={q.s} />
          <p>{t("confirm", { topic: tt(link.topic) })}</p>
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("submit")}</button>
        </form>
      ) : (
        <p role="alert" className="rounded border border-bad-700 p-3 text-bad-700">{t("invalid")}</p>
      )}
      <p><Link href="/me/profile">{t("profile")}</Link></p>
    </div>
  );
}
