import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { BulletinEditor } from "@/components/information/bulletin-editor";
import { publishedOn } from "@/components/information/bulletin-article";
import { requireViewer } from "@/lib/auth/session";
import { listStaffBulletins } from "@/lib/dal/bulletins/list-staff-bulletins";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("info_staff_bulletin");
  return { title: t("title") };
}

// The information bulletin's issues (drafts first) and the form of a new one; each issue's page previews and publishes.
export default async function StaffBulletinsPage() {
  const viewer = await requireViewer("bulletin:publish", "/staff/bulletins");
  const t = await getTranslations("info_staff_bulletin");
  const tt = await getTranslations("info_topic");
  const issues = await listStaffBulletins(viewer);
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p className="max-w-3xl">{t("intro")}</p>
      <Card title={t("list")}>
        {issues.length === 0 ? <p>{t("none")}</p> : (
          <div className="overflow-x-auto">
            <table className="w-full text-left">
              <caption className="sr-only">{t("caption")}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-4">{t("colTitle")}</th>
                  <th scope="col" className="py-2 pr-4">{t("colTopic")}</th>
                  <th scope="col" className="py-2 pr-4">{t("colLanguages")}</th>
                  <th scope="col" className="py-2 pr-4">{t("colStatus")}</th>
                  <th scope="col" className="py-2">{t("colAuthor")}</th>
                </tr>
              </thead>
              <tbody>
                {await Promise.all(issues.map(async (b) => (
                  <tr key={b.id} className="border-b border-slate-100">
                    <td className="py-2 pr-4"><Link href={`/staff/bulletins/${b.id}`}>{b.titleFr || b.titleNl || t("untitled")}</Link></td>
                    <td className="py-2 pr-4">{tt(b.topic)}</td>
                    <td className="py-2 pr-4">{[b.titleFr ? t("french") : null, b.titleNl ? t("dutch") : null].filter(Boolean).join(", ")}</td>
                    <td className="py-2 pr-4">{b.publishedAt ? t("publishedOn", { date: await publishedOn(b.publishedAt) }) : t("draft")}</td>
                    <td className="py-2">{b.authorName}</td>
                  </tr>
                )))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <Card title={t("new")}>
        <BulletinEditor defaults={{ id: "", topic: "FUND_NEWS", titleFr: "", bodyFr: "", titleNl: "", bodyNl: "" }} />
      </Card>
    </div>
  );
}
