import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { formatKpi } from "@/components/kpi/format";
import { todayInBrussels } from "@/lib/clock";
import { formatDate } from "@/lib/format";
import { getPublicPerformance } from "@/lib/dal/dashboards/get-public-performance";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("kpi_pub");
  return { title: t("title") };
}

/** Public, no login: the fund's main indicators over the last 12 months, fund-wide (no personal data). */
export default async function PerformancePage() {
  const today = todayInBrussels();
  const p = await getPublicPerformance(null, today);
  const [t, ti, tu, tm] = await Promise.all([getTranslations("kpi_pub"), getTranslations("kpi_ind"), getTranslations("kpi_unit"), getTranslations("kpi_misc")]);
  const locale = await getLocale();
  const fmt = (unit: Parameters<typeof formatKpi>[1], v: number | null) => formatKpi(locale, unit, v, (value) => tu("days", { value }), t("noData"));
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p className="max-w-3xl text-lg">{t("intro")}</p>
      <p>{t("period", { to: formatDate(locale, today) })} {p.refreshedOn ? t("updated", { date: formatDate(locale, p.refreshedOn) }) : t("notYet")}</p>
      <Card title={t("tableTitle")}>
        <div className="overflow-x-auto">
          <table className="w-full text-left">
            <caption className="sr-only">{t("tableTitle")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">{t("indicator")}</th>
                <th scope="col" className="py-2 pr-3 text-right">{t("value")}</th>
                <th scope="col" className="py-2 pr-3 text-right">{t("targetCol")}</th>
                <th scope="col" className="py-2">{t("statusCol")}</th>
              </tr>
            </thead>
            <tbody>
              {p.indicators.map((i) => (
                <tr key={i.id} className="border-b border-slate-100 align-top">
                  <th scope="row" className="py-2 pr-3 font-medium">{ti(`${i.id}.label`)}<p className="text-sm font-normal text-slate-700">{ti(`${i.id}.description`)}</p></th>
                  <td className="py-2 pr-3 text-right font-mono">{fmt(i.unit, i.value)}</td>
                  <td className="py-2 pr-3 text-right font-mono">{fmt(i.unit, i.target)}</td>
                  <td className="py-2">{i.onTrack === null ? tm("none") : i.onTrack ? <span className="font-semibold text-ok-700">{t("onTrack")}</span> : <span className="font-semibold text-bad-700">{t("offTrack")}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
