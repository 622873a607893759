import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui";
import { GuideEditor } from "@/components/guides/guide-editor";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { getGuideForStaff } from "@/lib/dal/guides/list-guides-for-staff";
import { LOCALES } from "@/lib/i18n/config";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("info_guides_staff");
  return { title: t("editTitle") };
}

/** One guide in the four languages, as the public reads it, to correct; the public page shows the change at once. */
export default async function StaffGuidePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const viewer = await requireViewer("content:edit", `/staff/guides/${slug}`);
  const g = await orNotFound(getGuideForStaff(viewer, slug));
  const t = await getTranslations("info_guides_staff");
  const locale = await getLocale();
  const initial = Object.fromEntries(
    LOCALES.flatMap((l) => {
      const c = g.content[l] ?? { title: "", summary: "", mustDo: [], deadlines: [], fundDoes: [], links: [] };
      return [
        [`${l}.title`, c.title],
        [`${l}.summary`, c.summary],
        [`${l}.mustDo`, c.mustDo.join("\n")],
        [`${l}.deadlines`, c.deadlines.join("\n")],
        [`${l}.fundDoes`, c.fundDoes.join("\n")],
        [`${l}.links`, c.links.map((x) => `${x.label} | ${x.href}`).join("\n")],
      ];
    }),
  );
  return (
    <div className="space-y-6">
      <p>
        <Link href="/staff/guides">{t("back")}</Link> · <Link href={`/guides/${slug}`}>{t("public")}</Link>
      </p>
      <PageTitle>{t("editHeading", { title: g.content[locale]?.title ?? g.content.fr?.title ?? slug })}</PageTitle>
      <p className="max-w-3xl">{t("editIntro")}</p>
      <GuideEditor slug={slug} version={g.updatedAt} languages={LOCALES} initial={initial} />
    </div>
  );
}
