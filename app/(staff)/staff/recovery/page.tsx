import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui";
import { requireViewer } from "@/lib/auth/session";
import { listRecoveryCasesPage } from "@/lib/dal/recovery/list-recovery-cases";
import { Pagination, pageParam } from "@/components/backoffice/pagination";
import { todayInBrussels } from "@/lib/clock";
import { formatDate, formatMoney } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("bo_recovery");
  return { title: t("title") };
}

export default async function RecoveryListPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const viewer = await requireViewer("recovery:manage", "/staff/recovery");
  const today = todayInBrussels();
  const list = await listRecoveryCasesPage(viewer, today, pageParam((await searchParams).page));
  const cases = list.items;
  const t = await getTranslations("bo_recovery");
  const locale = await getLocale();
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p className="max-w-3xl">{t("intro")}</p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="mb-2 text-left font-semibold">{t("caption", { count: list.total })}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-3">{t("dossier")}</th>
              <th scope="col" className="py-2 pr-3">{t("step")}</th>
              <th scope="col" className="py-2 pr-3">{t("status")}</th>
              <th scope="col" className="py-2 pr-3 text-right">{t("debt")}</th>
              <th scope="col" className="py-2 pr-3">{t("oldestDueOn")}</th>
              <th scope="col" className="py-2">{t("prescription")}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id} className="border-b border-slate-100">
                <th scope="row" className="py-2 pr-3 font-normal">
                  <Link href={`/staff/recovery/${c.id}`} aria-label={t("open", { name: c.dossierName })}>{c.dossierName}</Link>
                  <br /><span className="text-slate-700">{c.memberNumber}</span>
                </th>
                <td className="py-2 pr-3">{t(`steps.${c.currentStep}`)}</td>
                <td className="py-2 pr-3">{t(`statusValues.${c.status as "OPEN"}`)}</td>
                <td className="py-2 pr-3 text-right font-mono">{formatMoney(locale, c.debtCents)}</td>
                <td className="py-2 pr-3">{formatDate(locale, c.oldestDueOn)}</td>
                <td className={`py-2 ${c.prescription === "ok" ? "" : "font-semibold text-bad-700"}`}>
                  {c.prescription === "ok"
                    ? t("prescriptionOk", { date: formatDate(locale, c.prescribesOn) })
                    : c.prescription === "soon"
                      ? t("prescriptionSoon", { date: formatDate(locale, c.prescribesOn) })
                      : t("prescribed", { date: formatDate(locale, c.prescribesOn) })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination path="/staff/recovery" params={{}} page={list.page} pageSize={list.pageSize} total={list.total} />
    </div>
  );
}
