import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle, Stat } from "@/components/ui";
import { requireViewer } from "@/lib/auth/session";
import { can, isStaff } from "@/lib/auth/permissions";
import { getManagerOverview } from "@/lib/dal/dashboards/get-manager-overview";
import { searchDossiers } from "@/lib/dal/dossiers/search-dossiers";
import { todayInBrussels } from "@/lib/clock";
import { formatEnterpriseNumber, formatNiss, numberFormat } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff");
  return { title: t("title") };
}

export default async function StaffHomePage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const viewer = await requireViewer(undefined, "/staff");
  if (!isStaff(viewer.role)) notFound();
  const { q = "" } = await searchParams;
  const t = await getTranslations("staff");
  const tc = await getTranslations("category");
  const tr = await getTranslations("requestType");
  const locale = await getLocale();
  const today = todayInBrussels();
  const hits = can(viewer.role, "dossier:search") && q ? await searchDossiers(viewer, q) : null;
  const overview = can(viewer.role, "dashboard:read") ? await getManagerOverview(viewer, today) : null;
  const nf = numberFormat(locale);
  return (
    <div className="space-y-6">
      <PageTitle>{t("welcome", { name: viewer.name })}</PageTitle>
      {overview && (
        <Card title={t("overviewTitle")}>
          <dl className="grid gap-4 sm:grid-cols-3 lg:grid-cols-4">
            {overview.affiliatesByCategory.map((r) => (
              <Stat key={r.category} label={tc(r.category)} value={nf.format(r.count)} />
            ))}
            <Stat label={t("companies")} value={nf.format(overview.companies)} />
            <Stat label={t("openRequests")} value={nf.format(overview.openRequests)} />
          </dl>
          {overview.openRequestsByType.length > 0 && (
            <table className="mt-4 w-full max-w-lg text-left">
              <caption className="mb-2 text-left font-semibold">{t("openRequestsByType")}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-1">{t("requestType")}</th>
                  <th scope="col" className="py-1 text-right">{t("count")}</th>
                </tr>
              </thead>
              <tbody>
                {overview.openRequestsByType.map((r) => (
                  <tr key={r.type} className="border-b border-slate-100">
                    <td className="py-1">{tr(r.type)}</td>
                    <td className="py-1 text-right">{nf.format(r.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      )}
      {can(viewer.role, "dossier:search") && (
        <Card title={t("searchTitle")}>
          <form method="get" role="search" className="flex flex-wrap items-end gap-2">
            <div className="grow">
              <label htmlFor="q" className="block font-medium">{t("searchLabel")}</label>
              <p id="q-hint" className="text-sm text-slate-700">{t("searchHint")}</p>
              <input id="q" name="q" defaultValue={q} aria-describedby="q-hint" className="mt-1 w-full rounded border border-slate-500 px-3 py-2" />
            </div>
            <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("searchButton")}</button>
          </form>
          {hits && (
            <div className="mt-4" aria-live="polite">
              {hits.length === 0 ? (
                <p>{t("noResults")}</p>
              ) : (
                <table className="w-full text-left">
                  <caption className="sr-only">{t("results", { count: hits.length })}</caption>
                  <thead>
                    <tr className="border-b border-slate-300">
                      <th scope="col" className="py-2 pr-4">{t("name")}</th>
                      <th scope="col" className="py-2 pr-4">{t("identifier")}</th>
                      <th scope="col" className="py-2 pr-4">{t("memberNumber")}</th>
                      <th scope="col" className="py-2">{t("city")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {hits.map((h) => (
                      <tr key={h.id} className="border-b border-slate-100">
                        <td className="py-2 pr-4"><Link href={`/staff/dossiers/${h.id}`}>{h.name}</Link></td>
                        <td className="py-2 pr-4 font-mono text-sm">{h.kind === "PERSON" ? formatNiss(h.identifier) : formatEnterpriseNumber(h.identifier)}</td>
                        <td className="py-2 pr-4">{h.memberNumber}</td>
                        <td className="py-2">{h.city}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          )}
        </Card>
      )}
    </div>
  );
}
