import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { ExportLinks, FiltersForm, filterQuery } from "@/components/kpi/filters-form";
import { formatKpi } from "@/components/kpi/format";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { todayInBrussels } from "@/lib/clock";
import { formatDate, formatMoney } from "@/lib/format";
import { getDashboard } from "@/lib/dal/dashboards/get-dashboard";
import { getIndicatorDrilldown } from "@/lib/dal/dashboards/get-indicator-drilldown";
import { indicatorDef } from "@/lib/kpi/indicators";
import { kpiFilterSchema } from "@/lib/schemas/kpi-dashboards";

export async function generateMetadata({ params }: { params: Promise<{ indicator: string }> }): Promise<Metadata> {
  const { indicator } = await params;
  const t = await getTranslations("kpi_dash");
  const ti = await getTranslations("kpi_ind");
  return { title: indicatorDef(indicator) ? t("drillTitle", { indicator: ti(`${indicator}.label`) }) : t("title") };
}

export default async function IndicatorPage({ params, searchParams }: { params: Promise<{ indicator: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { indicator } = await params;
  const viewer = await requireViewer("dashboard:read", `/staff/dashboards/${encodeURIComponent(indicator)}`);
  const today = todayInBrussels();
  const input = kpiFilterSchema.parse(await searchParams);
  const dd = await orNotFound(getIndicatorDrilldown(viewer, indicator, input, today));
  const { options } = await getDashboard(viewer, input, today);
  const [t, ti, tc, tr, tu, tm] = await Promise.all([
    getTranslations("kpi_dash"), getTranslations("kpi_ind"), getTranslations("category"), getTranslations("requestType"), getTranslations("kpi_unit"), getTranslations("kpi_misc"),
  ]);
  const locale = await getLocale();
  const label = ti(`${dd.def.id}.label`);
  const q = filterQuery(dd.filters);
  const catLabel = (c: string) => (c === "" ? tm("noCategory") : c === "COMPANY" ? tm("COMPANY") : tc(c));
  const measure = (v: number | null) => {
    if (v === null) return tm("none");
    if (["collection_rate", "debt_over_1y", "benefit_interest"].includes(dd.def.id)) return formatMoney(locale, v);
    return tu("days", { value: String(v) });
  };
  return (
    <div className="space-y-6">
      <p><Link href={`/staff/dashboards?${q}`}>{t("back")}</Link></p>
      <PageTitle>{t("drillTitle", { indicator: label })}</PageTitle>
      <p className="max-w-3xl">{ti(`${dd.def.id}.description`)}</p>
      <p>{t("target")} — {formatKpi(locale, dd.def.unit, dd.target, (value) => tu("days", { value }), tm("none"))}</p>
      <Card title={t("filters")}>
        <FiltersForm filters={dd.filters} advisors={options.advisors} action={`/staff/dashboards/${dd.def.id}`} />
      </Card>
      <Card title={t("detailsFor", { indicator: label })}>
        <p className="mb-2">{t("drillIntro", { total: dd.total })}</p>
        {dd.total > dd.rows.length && <p className="mb-2 text-sm">{t("truncated", { shown: dd.rows.length })}</p>}
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("detailsFor", { indicator: label })}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">{t("reference")}</th>
                <th scope="col" className="py-2 pr-3">{t("date")}</th>
                <th scope="col" className="py-2 pr-3">{t("result")}</th>
                <th scope="col" className="py-2 pr-3 text-right">{t("measure")}</th>
                <th scope="col" className="py-2 pr-3">{t("category")}</th>
                <th scope="col" className="py-2">{t("requestType")}</th>
              </tr>
            </thead>
            <tbody>
              {dd.rows.map((r) => (
                <tr key={`${r.recordId}-${r.on}`} className="border-b border-slate-100">
                  <th scope="row" className="py-1 pr-3 font-mono font-normal">{r.reference}</th>
                  <td className="py-1 pr-3">{formatDate(locale, r.on)}</td>
                  <td className={`py-1 pr-3 ${r.ok === false ? "font-semibold text-bad-700" : ""}`}>{r.ok === null ? tm("none") : r.ok ? t("kept") : t("notKept")}</td>
                  <td className="py-1 pr-3 text-right">{measure(r.value)}</td>
                  <td className="py-1 pr-3">{catLabel(r.category)}</td>
                  <td className="py-1">{r.requestType ? tr.has(r.requestType) ? tr(r.requestType) : r.requestType : tm("none")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ExportLinks table="drilldown" query={filterQuery(dd.filters, { indicator: dd.def.id })} label={label} />
      </Card>
    </div>
  );
}
