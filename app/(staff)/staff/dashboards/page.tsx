import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { TrendChart } from "@/components/kpi/trend-chart";
import { RefreshForm } from "@/components/kpi/refresh-form";
import { TargetForm } from "@/components/kpi/target-form";
import { ExportLinks, FiltersForm, filterQuery } from "@/components/kpi/filters-form";
import { formatKpi } from "@/components/kpi/format";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { todayInBrussels } from "@/lib/clock";
import { formatDate, formatDateTime, formatMonth, numberFormat } from "@/lib/format";
import { getDashboard } from "@/lib/dal/dashboards/get-dashboard";
import { kpiFilterSchema } from "@/lib/schemas/kpi-dashboards";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("kpi_dash");
  return { title: t("title") };
}

export default async function DashboardsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const viewer = await requireViewer("dashboard:read", "/staff/dashboards");
  const today = todayInBrussels();
  const input = kpiFilterSchema.parse(await searchParams);
  const d = await orNotFound(getDashboard(viewer, input, today));
  const [t, ti, ts, tr, tu, tm] = await Promise.all([
    getTranslations("kpi_dash"), getTranslations("kpi_ind"), getTranslations("kpi_status"), getTranslations("requestType"), getTranslations("kpi_unit"), getTranslations("kpi_misc"),
  ]);
  const locale = await getLocale();
  const fmt = (unit: Parameters<typeof formatKpi>[1], v: number | null) => formatKpi(locale, unit, v, (value) => tu("days", { value }), tm("none"));
  const q = filterQuery(d.filters);
  const nf = numberFormat(locale);
  const year = Number(today.slice(0, 4));
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p className="max-w-3xl">{t("intro")}</p>
      <Card title={t("filters")}>
        <FiltersForm filters={d.filters} advisors={d.options.advisors} action="/staff/dashboards" />
        <p className="mt-2 text-sm text-slate-700">{t("period", { from: formatMonth(locale, d.filters.from), to: formatMonth(locale, d.filters.to) })}</p>
      </Card>
      <Card title={t("refreshTitle")}>
        <p className="mb-2">{d.lastRefresh ? t("lastRefresh", { at: formatDateTime(locale, d.lastRefresh.at), today: d.lastRefresh.today ? formatDate(locale, d.lastRefresh.today) : "—" }) : t("neverRefreshed")}</p>
        <RefreshForm />
      </Card>
      <Card title={t("indicatorsTitle")}>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("indicatorsTitle")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">{t("indicator")}</th>
                <th scope="col" className="py-2 pr-3 text-right">{t("value")}</th>
                <th scope="col" className="py-2 pr-3 text-right">{t("target")}</th>
                <th scope="col" className="py-2 pr-3">{t("status")}</th>
                <th scope="col" className="py-2 pr-3 text-right">{t("count")}</th>
                <th scope="col" className="py-2">{t("details")}</th>
              </tr>
            </thead>
            <tbody>
              {d.indicators.map((i) => (
                <tr key={i.id} className="border-b border-slate-100 align-top">
                  <th scope="row" className="py-2 pr-3 font-medium">{ti(`${i.id}.label`)}<p className="text-xs font-normal text-slate-700">{ti(`${i.id}.description`)}</p></th>
                  <td className="py-2 pr-3 text-right font-mono">{fmt(i.unit, i.value)}</td>
                  <td className="py-2 pr-3 text-right font-mono">{i.unit === "count" && i.target === 0 ? tm("none") : fmt(i.unit, i.target)}</td>
                  <td className="py-2 pr-3">
                    {i.onTrack === null ? <span className="text-slate-700">{tm("none")}</span>
                      : i.onTrack ? <span className="rounded bg-white px-2 py-0.5 font-semibold text-ok-700 ring-1 ring-ok-700">{t("onTrack")}</span>
                      : <span className="rounded bg-white px-2 py-0.5 font-semibold text-bad-700 ring-1 ring-bad-700">{t("offTrack")}</span>}
                  </td>
                  <td className="py-2 pr-3 text-right">{nf.format(i.count)}</td>
                  <td className="py-2"><Link href={`/staff/dashboards/${i.id}?${q}`}>{t("details")}<span className="sr-only"> — {ti(`${i.id}.label`)}</span></Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ExportLinks table="indicators" query={q} label={t("indicatorsTitle")} />
      </Card>
      <Card title={t("trend")}>
        <div className="grid gap-6 md:grid-cols-2">
          {d.indicators.map((i) => (
            <figure key={i.id}>
              <figcaption className="font-medium">{t("trendTitle", { indicator: ti(`${i.id}.label`) })}</figcaption>
              <TrendChart points={i.trend.map((p) => ({ month: formatMonth(locale, p.month, "short"), value: p.value === null ? null : i.unit === "permille" ? p.value / 10 : p.value }))} />
            </figure>
          ))}
        </div>
        <details className="mt-4">
          <summary className="cursor-pointer font-medium">{t("trendTable")}</summary>
          <div className="overflow-x-auto">
            <table className="mt-2 text-left text-xs">
              <caption className="sr-only">{t("trendTable")}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-1 pr-2">{t("indicator")}</th>
                  {d.indicators[0]?.trend.map((p) => (<th key={p.month} scope="col" className="py-1 pr-2 text-right">{formatMonth(locale, p.month, "short")}</th>))}
                </tr>
              </thead>
              <tbody>
                {d.indicators.map((i) => (
                  <tr key={i.id} className="border-b border-slate-100">
                    <th scope="row" className="py-1 pr-2 font-normal">{ti(`${i.id}.label`)}</th>
                    {i.trend.map((p) => (<td key={p.month} className="py-1 pr-2 text-right font-mono">{fmt(i.unit, p.value)}</td>))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
        <ExportLinks table="trend" query={q} label={t("trend")} />
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("outcomesTitle")}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("outcomesTitle")}</caption>
            <thead><tr className="border-b border-slate-300"><th scope="col" className="py-1">{t("requestType")}</th><th scope="col" className="py-1">{t("outcome")}</th><th scope="col" className="py-1 text-right">{t("count")}</th></tr></thead>
            <tbody>
              {d.outcomes.map((o) => (
                <tr key={`${o.requestType}-${o.status}`} className="border-b border-slate-100"><td className="py-1">{tr(o.requestType)}</td><td className="py-1">{ts(o.status)}</td><td className="py-1 text-right">{nf.format(o.count)}</td></tr>
              ))}
            </tbody>
          </table>
          <ExportLinks table="outcomes" query={q} label={t("outcomesTitle")} />
        </Card>
        <Card title={t("workloadTitle")}>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("workloadTitle")}</caption>
            <thead><tr className="border-b border-slate-300"><th scope="col" className="py-1">{t("advisor")}</th><th scope="col" className="py-1 text-right">{t("open")}</th><th scope="col" className="py-1 text-right">{t("late")}</th><th scope="col" className="py-1 text-right">{t("resolved")}</th></tr></thead>
            <tbody>
              {d.workload.map((w) => (
                <tr key={w.advisorId} className="border-b border-slate-100"><th scope="row" className="py-1 font-normal">{w.name}</th><td className="py-1 text-right">{nf.format(w.open)}</td><td className="py-1 text-right">{nf.format(w.late)}</td><td className="py-1 text-right">{nf.format(w.resolved)}</td></tr>
              ))}
            </tbody>
          </table>
          <ExportLinks table="workload" query={q} label={t("workloadTitle")} />
        </Card>
      </div>
      <Card title={t("targetsTitle")}>
        <p id="targets-intro" className="mb-2 text-sm">{t("targetsIntro")}</p>
        <TargetForm indicators={d.indicators.map((i) => ({ id: i.id, label: ti(`${i.id}.label`), target: i.target }))} />
      </Card>
      <Card title={t("inastiTitle")}>
        <p className="mb-2">{t("inastiIntro")}</p>
        <ul className="space-y-1">
          {[year, year - 1, year - 2].map((y) => (
            <li key={y}>
              {t("year")} {y}{" — "}
              <a href={`/api/staff/exports/inasti?year=${y}&format=csv`}>CSV<span className="sr-only"> — {t("inastiTitle")} {y}</span></a>{" · "}
              <a href={`/api/staff/exports/inasti?year=${y}&format=xlsx`}>XLSX<span className="sr-only"> — {t("inastiTitle")} {y}</span></a>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
