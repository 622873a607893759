import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { orNotFound } from "@/lib/auth/session";
import { getGuide } from "@/lib/dal/guides/get-guide";
import type { AppLocale } from "@/lib/i18n/config";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  const t = await getTranslations("ss_guides");
  const guide = await getGuide(slug, (await getLocale()) as AppLocale).catch(() => null);
  return { title: guide?.title ?? t("title") };
}

const SECTIONS = ["mustDo", "deadlines", "fundDoes"] as const;

/** One guide: what the affiliate must do, by when, what the fund does, and the forms and institutions to go to. */
export default async function GuidePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const guide = await orNotFound(getGuide(slug, (await getLocale()) as AppLocale));
  const t = await getTranslations("ss_guides");
  return (
    <div className="space-y-6">
      <p>
        <Link href="/guides">{t("back")}</Link>
      </p>
      <PageTitle>{guide.title}</PageTitle>
      <p className="max-w-3xl text-lg">{guide.summary}</p>
      {SECTIONS.filter((s) => guide[s].length > 0).map((s) => (
        <Card key={s} title={t(`sections.${s}`)}>
          <ul className="list-disc space-y-2 pl-5">
            {guide[s].map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </Card>
      ))}
      {guide.links.length > 0 && (
        <Card title={t("sections.links")}>
          <ul className="list-disc space-y-1 pl-5">
            {guide.links.map((l) => (
              <li key={l.href}>
                {l.href.startsWith("/") ? (
                  <Link href={l.href}>{l.label}</Link>
                ) : (
                  <a href={l.href} rel="noopener">
                    {l.label} <span className="text-sm text-slate-700">({t("external", { site: new URL(l.href).hostname })})</span>
                  </a>
                )}
              </li>
            ))}
          </ul>
          <p className="mt-3 text-sm text-slate-700">{t("signInNote")}</p>
        </Card>
      )}
    </div>
  );
}
