import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { familyAllowanceBody, type FamilyAllowanceBody } from "@/lib/domain/family-allowance-body";
import { INSTITUTION_WEBSITES } from "@/lib/domain/competent-institutions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_family_allowances");
  return { title: t("title") };
}

/** The competent body's public site (each body's own address, lib/domain/competent-institutions.ts). */
const WEBSITE = INSTITUTION_WEBSITES as Record<FamilyAllowanceBody, string>;
const BODIES: FamilyAllowanceBody[] = ["groeipakket", "famiwal", "famiris", "ostbelgien"];

/** Family allowances are regional (docs/domain.md §3.4): which body answers, from the child's postal code. */
export default async function FamilyAllowancesPage({ searchParams }: { searchParams: Promise<{ postalCode?: string }> }) {
  const t = await getTranslations("ss_family_allowances");
  const tg = await getTranslations("ss_guides");
  const postalCode = ((await searchParams).postalCode ?? "").trim().slice(0, 10);
  const body = postalCode ? familyAllowanceBody(postalCode) : null;
  const invalid = postalCode !== "" && !body;
  const describe = (b: FamilyAllowanceBody) => (
    <>
      <p className="font-semibold">{t(`bodies.${b}.name`)}</p>
      <p>{t(`bodies.${b}.text`)}</p>
      <p><a href={WEBSITE[b]} rel="noopener">{t("website", { url: WEBSITE[b].replace(/^https:\/\//, "") })}</a></p>
    </>
  );
  return (
    <div className="space-y-6">
      <p><Link href="/guides/family">{tg("back")}</Link></p>
      <PageTitle>{t("title")}</PageTitle>
      <p className="max-w-3xl text-lg">{t("summary")}</p>
      <Card title={t("lookupTitle")}>
        <form method="get" className="flex flex-wrap items-end gap-2" noValidate>
          <div>
            <label htmlFor="fa-postal" className="block font-medium">{t("postalCode")}</label>
            <p id="fa-postal-hint" className="text-sm text-slate-700">{t("postalHint")}</p>
            <input id="fa-postal" name="postalCode" defaultValue={postalCode} inputMode="numeric" autoComplete="postal-code" aria-describedby={invalid ? "fa-postal-hint fa-postal-error" : "fa-postal-hint"} aria-invalid={invalid || undefined} className="mt-1 w-32 rounded border border-slate-500 px-3 py-2" />
          </div>
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("submit")}</button>
        </form>
        {invalid && <p id="fa-postal-error" role="alert" className="mt-2 text-bad-700">{t("invalid")}</p>}
        {body && (
          <div role="status" className="mt-4 space-y-1 rounded border-l-4 border-brand-700 bg-white p-3">
            <p>{t("result", { postalCode })}</p>
            {describe(body)}
          </div>
        )}
      </Card>
      <Card title={t("allTitle")}>
        <ul className="grid gap-4 sm:grid-cols-2">
          {BODIES.map((b) => <li key={b} className="space-y-1">{describe(b)}</li>)}
        </ul>
      </Card>
      <p>{t("questionNote")} <Link href="/me/requests/question">{tg("links.question")}</Link></p>
    </div>
  );
}
