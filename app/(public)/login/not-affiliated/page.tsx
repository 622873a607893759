import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("fas.unknown");
  return { title: t("title") };
}

/** After an eID sign-in whose national number opens no dossier here (lib/auth/fas/callbacks.ts): no session, and the
 *  way to the affiliation request. Nothing about the person is shown (the page is reachable by anyone). */
export default async function NotAffiliatedPage() {
  const t = await getTranslations("fas.unknown");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      <p>{t("affiliate")}</p>
      <p>
        <Link href="/affiliation" className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800">
          {t("request")}
        </Link>
      </p>
      <p>{t("elsewhere")}</p>
      <p>
        <Link href="/login" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
    </div>
  );
}
