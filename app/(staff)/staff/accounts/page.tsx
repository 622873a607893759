import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { ResetSecondFactorButton } from "@/components/backoffice/reset-second-factor-button";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { listStaffAccounts } from "@/lib/dal/account/list-staff-accounts";
import { dateFormat } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff_accounts");
  return { title: t("title") };
}

export default async function StaffAccountsPage() {
  const viewer = await requireViewer("staff:manage", "/staff/accounts");
  const t = await getTranslations("staff_accounts");
  const tr = await getTranslations("roles");
  const locale = await getLocale();
  const rows = await orNotFound(listStaffAccounts(viewer));
  const day = dateFormat(locale, { dateStyle: "long", timeZone: "Europe/Brussels" });
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      <Card>
        <table className="w-full text-left">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-3">{t("name")}</th>
              <th scope="col" className="py-2 pr-3">{t("role")}</th>
              <th scope="col" className="py-2 pr-3">{t("secondFactor")}</th>
              <th scope="col" className="py-2"><span className="sr-only">{t("actions")}</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-100 align-top">
                <th scope="row" className="py-2 pr-3 font-normal">{r.name}<span className="block text-sm text-slate-700">{r.email}</span></th>
                <td className="py-2 pr-3">{tr(r.role)}</td>
                <td className="py-2 pr-3">{r.secondFactorSince ? t("enrolledSince", { date: day.format(new Date(r.secondFactorSince)), codes: r.recoveryCodesLeft }) : t("notEnrolled")}</td>
                <td className="py-2">{r.self ? <span className="text-sm">{t("notOwn")}</span> : r.secondFactorSince ? <ResetSecondFactorButton userId={r.id} name={r.name} /> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </div>
  );
}
