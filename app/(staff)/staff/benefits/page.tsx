import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { DeadlineBadge } from "@/components/backoffice/deadline-badge";
import { ActionForm } from "@/components/backoffice/action-form";
import { requireViewer } from "@/lib/auth/session";
import { listClaimsForStaff, listPaymentsNotSent } from "@/lib/dal/benefits";
import { BENEFIT_STATUSES, BENEFIT_TYPES, claimFiltersSchema } from "@/lib/schemas/benefits";
import { todayInBrussels } from "@/lib/clock";
import { formatDate, formatMoney } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("bn_list");
  return { title: t("title") };
}

export default async function BenefitsPage({ searchParams }: { searchParams: Promise<{ type?: string; status?: string }> }) {
  const viewer = await requireViewer("request:decide", "/staff/benefits");
  const filters = claimFiltersSchema.parse(await searchParams);
  const today = todayInBrussels();
  const [claims, unsent] = await Promise.all([listClaimsForStaff(viewer, filters, today), listPaymentsNotSent(viewer)]);
  const t = await getTranslations("bn_list");
  const tt = await getTranslations("bn_type");
  const ts = await getTranslations("bn_status");
  const locale = await getLocale();
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p className="max-w-3xl">{t("intro")}</p>
      <Card title={t("filters")}>
        <form method="get" className="flex flex-wrap items-end gap-4">
          <div>
            <label htmlFor="bn-type" className="block font-medium">{t("type")}</label>
            <select id="bn-type" name="type" defaultValue={filters.type ?? ""} className="mt-1 rounded border border-slate-500 px-2 py-1">
              <option value="">{t("allTypes")}</option>
              {BENEFIT_TYPES.map((k) => <option key={k} value={k}>{tt(k)}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="bn-status" className="block font-medium">{t("status")}</label>
            <select id="bn-status" name="status" defaultValue={filters.status ?? ""} className="mt-1 rounded border border-slate-500 px-2 py-1">
              <option value="">{t("allStatuses")}</option>
              {BENEFIT_STATUSES.map((k) => <option key={k} value={k}>{ts(k)}</option>)}
            </select>
          </div>
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("apply")}</button>
        </form>
      </Card>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="mb-2 text-left font-semibold">{t("caption", { count: claims.length })}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-3">{t("claim")}</th>
              <th scope="col" className="py-2 pr-3">{t("dossier")}</th>
              <th scope="col" className="py-2 pr-3">{t("filedOn")}</th>
              <th scope="col" className="py-2 pr-3">{t("dueOn")}</th>
              <th scope="col" className="py-2 pr-3">{t("deadlineState")}</th>
              <th scope="col" className="py-2">{t("status")}</th>
            </tr>
          </thead>
          <tbody>
            {claims.map((c) => (
              <tr key={c.id} className="border-b border-slate-100 align-top">
                <th scope="row" className="py-2 pr-3 font-normal">
                  <Link href={`/staff/benefits/${c.id}`}>{tt(c.type)}</Link>
                  <br />
                  <span className="text-slate-700">{c.reference ?? (c.grantedAutomatically ? t("automatic") : "—")}</span>
                </th>
                <td className="py-2 pr-3">
                  <Link href={`/staff/dossiers/${c.affiliateId}`}>{c.dossierName}</Link>
                  <br />
                  <span className="text-slate-700">{c.memberNumber}</span>
                </td>
                <td className="py-2 pr-3">{c.filedOn ? formatDate(locale, c.filedOn) : "—"}</td>
                <td className="py-2 pr-3">
                  {c.dueOn ? formatDate(locale, c.dueOn) : "—"}
                  {c.deadline && <span className="text-slate-700"> ({t(`deadline.${c.deadline}`)})</span>}
                </td>
                <td className="py-2 pr-3">
                  {c.badge ? (
                    <>
                      <DeadlineBadge badge={c.badge} />
                      <br />
                      {c.daysLeft !== null && (c.daysLeft >= 0 ? t("days", { days: c.daysLeft }) : t("overdue", { days: -c.daysLeft }))}
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="py-2">{ts(c.status as "PAID")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Card title={t("unsentTitle")}>
        <p className="mb-3">{t("unsentIntro")}</p>
        {unsent.length === 0 ? (
          <p>{t("unsentNone")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("unsentTitle")}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-2 pr-3">{t("dossier")}</th>
                  <th scope="col" className="py-2 pr-3">{t("type")}</th>
                  <th scope="col" className="py-2 pr-3">{t("paidOn")}</th>
                  <th scope="col" className="py-2 pr-3 text-right">{t("amount")}</th>
                  <th scope="col" className="py-2 pr-3 text-right">{t("interest")}</th>
                  <th scope="col" className="py-2"><span className="sr-only">{t("actions")}</span></th>
                </tr>
              </thead>
              <tbody>
                {unsent.map((p) => (
                  <tr key={p.id} className="border-b border-slate-100 align-top">
                    <td className="py-2 pr-3"><Link href={`/staff/benefits/${p.claimId}`}>{p.dossierName}</Link> <span className="text-slate-700">{p.memberNumber}</span></td>
                    <td className="py-2 pr-3">{tt(p.type as "PAID")}</td>
                    <td className="py-2 pr-3">{formatDate(locale, p.paidOn)}</td>
                    <td className="py-2 pr-3 text-right">{formatMoney(locale, p.amountCents)}</td>
                    <td className="py-2 pr-3 text-right">{formatMoney(locale, p.interestCents)}</td>
                    <td className="py-2">
                      <ActionForm kind="sent" id={`sent-list-${p.id}`} compact fields={[{ name: "paymentId", type: "hidden", value: p.id }]} submit={t("markSent", { date: formatDate(locale, p.paidOn) })} messages={{ sent: t("sentDone") }} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
