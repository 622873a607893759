import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ParameterApproval } from "@/components/parameters/parameter-approval";
import { ParameterTable } from "@/components/parameters/parameter-table";
import { figureLabel } from "@/components/parameters/figure-label";
import { Card, PageTitle } from "@/components/ui";
import { ParameterForm } from "@/components/parameters/parameter-form";
import { dateFormat, formatFigure } from "@/lib/format";
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
  const tl = await getTranslations("parameterText");
  const locale = await getLocale();
  const sp = await searchParams;
  const years = await listParameterYears(viewer);
  const year = Number(sp.year) || years[0] || 2026;
  const rows = await listParameters(viewer, year);
  const canEdit = can(viewer.role, "parameter:update");
  const canApprove = can(viewer.role, "parameter:approve");
  const pending = rows.filter((r) => r.pending);
  const when = dateFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Brussels" });
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
                  <p>
                    {t("pendingLine", {
                      key: figureLabel(tl, locale, r.key),
                      from: r.value === "" ? "—" : formatFigure(locale, r.unit, r.value, r.denominator),
                      to: p.value === "" ? "—" : formatFigure(locale, r.unit, p.value, r.denominator),
                      name: p.proposedByName,
                      when: when.format(new Date(p.proposedAt)),
                    })}
                  </p>
                  <p className="text-sm text-slate-700">{t("pendingReason", { reason: p.reason })}</p>
                  {canApprove && p.proposedById !== viewer.userId ? <ParameterApproval changeId={p.changeId} keyName={figureLabel(tl, locale, r.key)} year={year} /> : <p className="text-sm">{t("pendingOther")}</p>}
                </li>
              );
            })}
          </ul>
        </Card>
      )}
      {editing && (
        <ParameterForm
          id={editing.id}
          label={figureLabel(tl, locale, editing.key)}
          current={editing.value === "" ? "—" : formatFigure(locale, editing.unit, editing.value, editing.denominator)}
          hint={tl(`unitHint.${editing.unit === "cents" || editing.unit === "bp" || editing.unit === "count" ? editing.unit : "ratio"}`)}
          status={editing.status}
        />
      )}
      <ParameterTable rows={rows} year={year} canEdit={canEdit} />
    </div>
  );
}
