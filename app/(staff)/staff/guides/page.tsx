import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, ListTable, PageTitle } from "@/components/ui";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { listGuidesForStaff } from "@/lib/dal/guides/list-guides-for-staff";
import { formatDateTime } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("info_guides_staff");
  return { title: t("title") };
}

/** The guides the fund publishes, to open and edit. */
export default async function StaffGuidesPage() {
  const viewer = await requireViewer("content:edit", "/staff/guides");
  const guides = await orNotFound(listGuidesForStaff(viewer));
  const t = await getTranslations("info_guides_staff");
  const locale = await getLocale();
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p className="max-w-3xl">{t("intro")}</p>
      <Card>
        <ListTable caption={t("title")} columns={[{ label: t("guide") }, { label: t("updated") }]}>
          {guides.map((g) => (
            <tr key={g.slug} className="border-b border-slate-100">
              <td className="py-2 pr-3"><Link href={`/staff/guides/${g.slug}`}>{g.content[locale]?.title ?? g.content.fr?.title ?? g.slug}</Link></td>
              <td className="py-2">{g.updatedByName ? t("updatedBy", { when: formatDateTime(locale, g.updatedAt), who: g.updatedByName }) : t("updatedAt", { when: formatDateTime(locale, g.updatedAt) })}</td>
            </tr>
          ))}
        </ListTable>
      </Card>
    </div>
  );
}
