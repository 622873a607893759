import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ParameterApproval } from "@/components/parameter-approval";
import { Card, PageTitle } from "@/components/ui";
import { ParameterForm } from "@/components/parameter-form";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listParameterYears } from "@/lib/dal/parameters/list-parameter-years";
import { listParameters } from "@/lib/dal/parameters/list-parameters";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("parameters");
  return { title: t("title") };
}

export default async function ParametersPage({ searchParams }: { searchParams: Promise<{ year?: string; edit?: string; decided?: string }> }) {
  const viewer = await requireViewer("parameter:read", "/staff/parameters");
  const t = await getTranslations("parameters");
  const locale = await getLocale();
  const sp = await searchParams;
  const years = await listParameterYears(viewer);
  const year = Number(sp.year) || years[0] || 2026;
  const rows = await listParameters(viewer, year);
  const canEdit = can(viewer.role, "parameter:update");
  const canApprove = can(viewer.role, "parameter:approve");
  const pending = rows.filter((r) => r.pending);
  const when = new Intl.DateTimeFormat(locale === "nl" ? "nl-BE" : "fr-BE", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Brussels" });
  const editing = canEdit ? rows.find((r) => r.id === sp.edit) : undefined;
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      {(sp.decided === "applied" || sp.decided === "rejected") && (
        <p role="status" className="rounded border-l-4 border-ok-700 bg-white p-3 text-ok-700">{t(sp.decided === "applied" ? "applied" : "rejectedChange")}</p>
      )}
      <nav aria-label={t("years")}>
        <ul className="flex gap-3">
          {years.map((y) => (
            <li key={y}><Link href={`/staff/parameters?year=${y}`} aria-current={y === year ? "page" : undefined} className={y === year ? "font-bold" : ""}>{y}</Link></li>
          ))}
        </ul>
      </nav>
      {pending.length > 0 && (
        <Card title={t("pendingTitle")}>
          <p className="mb-3">{t("pendingIntro")}</p>
          <ul className="space-y-3">
            {pending.map((r) => {
              const p = r.pending!;
              return (
                <li key={p.changeId} className="rounded border border-warn-700 p-3">
                  <p>{t("pendingLine", { key: r.key, from: r.value || "—", to: p.value, name: p.proposedByName, when: when.format(new Date(p.proposedAt)) })}</p>
                  <p className="text-sm text-slate-700">{t("pendingReason", { reason: p.reason })}</p>
                  {canApprove && p.proposedById !== viewer.userId ? <ParameterApproval changeId={p.changeId} keyName={r.key} year={year} /> : <p className="text-sm">{t("pendingOther")}</p>}
                </li>
              );
            })}
          </ul>
        </Card>
      )}
      {editing && <ParameterForm id={editing.id} keyName={editing.key} value={editing.value} status={editing.status} />}
      <Card title={t("tableTitle", { year })}>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("tableTitle", { year })}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">{t("key")}</th>
                <th scope="col" className="py-2 pr-3 text-right">{t("value")}</th>
                <th scope="col" className="py-2 pr-3">{t("unit")}</th>
                <th scope="col" className="py-2 pr-3">{t("status")}</th>
                <th scope="col" className="py-2 pr-3">{t("source")}</th>
                {canEdit && <th scope="col" className="py-2"><span className="sr-only">{t("actions")}</span></th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-slate-100">
                  <td className="py-1 pr-3 font-mono">{r.key}</td>
                  <td className="py-1 pr-3 text-right font-mono">{r.value}</td>
                  <td className="py-1 pr-3">{r.unit}</td>
                  <td className="py-1 pr-3">{r.status === "confirmed" ? t("confirmed") : r.status === "missing" ? t("missing") : t("derived")}{r.changes > 0 && ` · ${t("changed", { count: r.changes })}`}{r.pending && ` · ${t("pendingBadge")}`}</td>
                  <td className="py-1 pr-3 break-all"><a href={r.source}>{t("sourceLink")}<span className="sr-only"> {r.key}</span></a></td>
                  {canEdit && <td className="py-1"><Link href={`/staff/parameters?year=${year}&edit=${r.id}`}>{t("edit")}<span className="sr-only"> {r.key}</span></Link></td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
