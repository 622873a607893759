import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui";
import { getFundContact } from "@/lib/dal/information/get-fund-contact";
import { formatLongDate } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("info_a11y");
  return { title: t("title") };
}

// The accessibility statement (WCAG 2.1 AA): its status in honest words, the known limits, the date of the last check
// (reference data of the Fund row, updated by whoever runs the check — docs/decisions/0041), how to report a problem.
export default async function AccessibilityPage() {
  const t = await getTranslations("info_a11y");
  const locale = await getLocale();
  const c = await getFundContact();
  const sections = [
    { id: "status", title: t("statusTitle"), body: t("status") },
    { id: "limits", title: t("limitsTitle"), body: t("limits") },
    { id: "checked", title: t("checkedTitle"), body: c.accessibilityCheckedOn ? t("checked", { date: formatLongDate(locale, c.accessibilityCheckedOn) }) : t("notChecked") },
    { id: "feedback", title: t("feedbackTitle"), body: t("feedback", { email: c.email, phone: c.phone }) },
    { id: "remedy", title: t("remedyTitle"), body: t("remedy") },
  ];
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro", { fund: c.name })}</p>
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`a11y-${s.id}`} className="space-y-2">
          <h2 id={`a11y-${s.id}`} className="text-xl font-semibold text-brand-900">{s.title}</h2>
          <p>{s.body}</p>
          {s.id === "feedback" && <p><Link href="/contact">{t("contactLink")}</Link></p>}
        </section>
      ))}
    </div>
  );
}
