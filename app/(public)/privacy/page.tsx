import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui";
import { getFundContact } from "@/lib/dal/information/get-fund-contact";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("info_privacy");
  return { title: t("title") };
}

const PURPOSES = ["affiliation", "benefits", "portal", "bulletin"] as const;
const RIGHTS = ["access", "rectification", "erasure", "objection", "complaint"] as const;

// The fund's privacy notice (GDPR art. 13): controller and DPO from the Fund row, the rest in the catalogues.
export default async function PrivacyPage() {
  const t = await getTranslations("info_privacy");
  const c = await getFundContact();
  const section = (id: string, title: string, body: React.ReactNode) => (
    <section aria-labelledby={`privacy-${id}`} className="space-y-2">
      <h2 id={`privacy-${id}`} className="text-xl font-semibold text-brand-900">{title}</h2>
      {body}
    </section>
  );
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      {section("controller", t("controllerTitle"), (
        <>
          <p>{t("controller", { fund: c.name, address: c.address })}</p>
          <p>{t.rich("dpo", { email: c.dpoEmail, mail: (chunks) => <a href={`mailto:${c.dpoEmail}`}>{chunks}</a> })}</p>
        </>
      ))}
      {section("purposes", t("purposesTitle"), <ul className="list-disc space-y-2 pl-5">{PURPOSES.map((p) => <li key={p}>{t(`purposes.${p}`)}</li>)}</ul>)}
      {section("recipients", t("recipientsTitle"), <p>{t("recipients")}</p>)}
      {section("retention", t("retentionTitle"), <p>{t("retention")}</p>)}
      {section("rights", t("rightsTitle"), <ul className="list-disc space-y-2 pl-5">{RIGHTS.map((r) => <li key={r}>{t(`rights.${r}`)}</li>)}</ul>)}
      {section("cookies", t("cookiesTitle"), <p>{t("cookies")}</p>)}
    </div>
  );
}
