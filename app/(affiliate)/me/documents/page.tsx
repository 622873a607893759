import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { listMyDocuments } from "@/lib/dal/documents/list-my-documents";
import { todayInBrussels } from "@/lib/clock";
import { formatDate } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_documents");
  return { title: t("title") };
}

export default async function DocumentsPage() {
  const viewer = await requireViewer("own-dossier:read", "/me/documents");
  const docs = await orNotFound(listMyDocuments(viewer));
  const t = await getTranslations("ss_documents");
  const locale = await getLocale();
  const year = Number(todayInBrussels().slice(0, 4));
  return (
    <div className="space-y-6">
      <p>
        <Link href="/me">{t("back")}</Link>
      </p>
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      <Card title={t("certificatesTitle")}>
        <ul className="list-disc space-y-1 pl-5">
          {[year, year - 1, year - 2].map((y) => (
            <li key={y}><a href={`/api/me/documents/tax-certificate/${y}`}>{t("tax", { year: y })}</a></li>
          ))}
          <li>
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a PDF download from a route handler, not a page */}
            <a href="/api/me/documents/affiliation-certificate">{t("affiliation")}</a></li>
        </ul>
      </Card>
      <Card title={t("copiesTitle")}>
        {docs.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {docs.map((d) => (
              <li key={d.id}>
                {t(`kinds.${d.kind}`)} — <a href={`/api/me/documents/${d.id}`}>{t("copy", { name: d.fileName, size: Math.max(1, Math.round(d.sizeBytes / 1024)), date: formatDate(locale, d.createdAt.slice(0, 10)) })}</a>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
