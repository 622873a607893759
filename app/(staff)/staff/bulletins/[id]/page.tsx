import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { BulletinArticle } from "@/components/information/bulletin-article";
import { BulletinEditor } from "@/components/information/bulletin-editor";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { getStaffBulletin } from "@/lib/dal/bulletins/get-staff-bulletin";
import { publishBulletinAction } from "@/lib/actions/information";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("info_staff_bulletin");
  return { title: t("preview") };
}

type Query = { saved?: string; published?: string; already?: string; error?: string };

// One issue: what happened (saved, published, already published), its preview in each language as readers will see
// it, then — while it is a draft — its editor and the publish button.
export default async function StaffBulletinPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Query> }) {
  const { id } = await params;
  const viewer = await requireViewer("bulletin:publish", `/staff/bulletins/${id}`);
  const b = await orNotFound(getStaffBulletin(viewer, id));
  const q = await searchParams;
  const t = await getTranslations("info_staff_bulletin");
  const tt = await getTranslations("info_topic");
  const te = await getTranslations("ss_form.errors");
  const published = q.published !== undefined && /^\d+$/.test(q.published) ? Number(q.published) : null;
  const previews = (["fr", "nl"] as const).filter((l) => (l === "fr" ? b.titleFr : b.titleNl));
  return (
    <div className="space-y-6">
      <p><Link href="/staff/bulletins">{t("back")}</Link></p>
      <PageTitle>{b.titleFr || b.titleNl}</PageTitle>
      {published !== null && <p role="status" className="rounded border border-ok-700 p-3 text-ok-700">{t("published", { count: published })}</p>}
      {q.already && <p role="status" className="rounded border border-slate-500 p-3">{t("alreadyPublished")}</p>}
      {q.saved && b.status === "DRAFT" && <p role="status" className="rounded border border-ok-700 p-3 text-ok-700">{t("savedNew")}</p>}
      {q.error && <p role="alert" className="rounded border border-bad-700 p-3 text-bad-700">{te.has(q.error) ? te(q.error) : te("invalid")}</p>}
      {b.status === "PUBLISHED" && <p><Link href={`/bulletin/${b.id}`}>{t("viewPublic")}</Link></p>}
      {previews.map((l) => (
        <section key={l} aria-labelledby={`preview-${l}`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id={`preview-${l}`} className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-700">{l === "fr" ? t("previewFr") : t("previewNl")}</h2>
          <BulletinArticle
            headingLevel={2}
            issue={{ id: b.id, topic: b.topic, language: l, title: (l === "fr" ? b.titleFr : b.titleNl), body: (l === "fr" ? b.bodyFr : b.bodyNl), publishedAt: b.publishedAt }}
          />
        </section>
      ))}
      {b.status === "DRAFT" && (
        <>
          <Card title={t("publishTitle")}>
            <form action={publishBulletinAction.bind(null, b.id)} className="space-y-3">
              <p>{t("publishText", { topic: tt(b.topic) })}</p>
              <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("publish")}</button>
            </form>
          </Card>
          <Card title={t("edit")}>
            <BulletinEditor defaults={{ id: b.id, topic: b.topic, titleFr: b.titleFr, bodyFr: b.bodyFr, titleNl: b.titleNl, bodyNl: b.bodyNl }} />
          </Card>
        </>
      )}
    </div>
  );
}
