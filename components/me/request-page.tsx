import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui";

// The scaffolding every /me/requests/* page repeats: the back link, the heading, the introduction and (for requests
// decided by the fund or INASTI) the note on the legal deadline. Texts come from the page's own namespace:
// `${ns}.back`, `${ns}.title` (or the heading given), `${ns}.intro` when present.
export async function RequestPage({
  ns,
  heading,
  intro,
  deadlineNote,
  backHref = "/me/requests",
  children,
}: {
  ns: string;
  heading?: string;
  intro?: React.ReactNode;
  deadlineNote?: React.ReactNode;
  backHref?: string;
  children: React.ReactNode;
}) {
  const t = await getTranslations(ns);
  const introText = intro ?? (t.has("intro") ? t("intro") : null);
  return (
    <div className="space-y-6">
      <p>
        <Link href={backHref}>{t("back")}</Link>
      </p>
      <PageTitle>{heading ?? t("title")}</PageTitle>
      {introText && <div className="space-y-2">{typeof introText === "string" ? <p>{introText}</p> : introText}</div>}
      {deadlineNote && <p className="border-l-4 border-brand-700 pl-3 text-sm text-slate-700">{deadlineNote}</p>}
      {children}
    </div>
  );
}
