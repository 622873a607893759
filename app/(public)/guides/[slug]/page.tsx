import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { GUIDES, guideBySlug } from "@/app/(public)/guides/guides";

export function generateStaticParams() {
  return GUIDES.map((g) => ({ slug: g.slug }));
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  const t = await getTranslations("ss_guides");
  return { title: guideBySlug(slug) ? t(`items.${slug}.title`) : t("title") };
}

export default async function GuidePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const guide = guideBySlug(slug);
  if (!guide) notFound();
  const t = await getTranslations("ss_guides");
  const points = ["p1", "p2", "p3"].filter((k) => t.has(`items.${slug}.${k}`));
  return (
    <div className="space-y-6">
      <p>
        <Link href="/guides">{t("back")}</Link>
      </p>
      <PageTitle>{t(`items.${slug}.title`)}</PageTitle>
      <p className="max-w-3xl text-lg">{t(`items.${slug}.summary`)}</p>
      <Card title={t("whatToKnow")}>
        <ul className="list-disc space-y-2 pl-5">
          {points.map((k) => (
            <li key={k}>{t(`items.${slug}.${k}`)}</li>
          ))}
        </ul>
      </Card>
      <Card title={t("whatToDo")}>
        <ul className="list-disc space-y-1 pl-5">
          {guide.links.map((l) => (
            <li key={l.href}>
              <Link href={l.href}>{t(`links.${l.label}`)}</Link>
            </li>
          ))}
        </ul>
        <p className="mt-3 text-sm text-slate-700">{t("signInNote")}</p>
      </Card>
    </div>
  );
}
