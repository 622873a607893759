import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, FilterForm, FilterSelect, ListTable, PageTitle } from "@/components/ui";
import { DeadlineBadge } from "@/components/backoffice/deadline-badge";
import { ActionForm } from "@/components/backoffice/action-form";
import { requireViewer } from "@/lib/auth/session";
import { listClaimsForStaffPage } from "@/lib/dal/benefits/list-claims-for-staff";
import { Pagination, pageParam } from "@/components/backoffice/pagination";
import { listPaymentsNotSent } from "@/lib/dal/benefits/list-payments-not-sent";
import { BENEFIT_STATUSES, BENEFIT_TYPES, claimFiltersSchema } from "@/lib/schemas/benefits";
import { todayInBrussels } from "@/lib/clock";
import { formatDate, formatMoney } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("bn_list");
  return { title: t("title") };
}

export default async function BenefitsPage({ searchParams }: { searchParams: Promise<{ type?: string; status?: string; page?: string; unsentPage?: string }> }) {
  const viewer = await requireViewer("request:decide", "/staff/benefits");
  const sp = await searchParams;
  const filters = claimFiltersSchema.parse(sp);
  const today = todayInBrussels();
  const [list, unsent] = await Promise.all([listClaimsForStaffPage(viewer, filters, today, pageParam(sp.page)), listPaymentsNotSent(viewer, pageParam(sp.unsentPage))]);
  const claims = list.items;
  const t = await getTranslations("bn_list");
  const tt = await getTranslations("bn_type");
  const ts = await getTranslations("bn_status");
  const locale = await getLocale();
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p className="max-w-3xl">{t("intro")}</p>
      <FilterForm title={t("filters")} submit={t("apply")}>
        <FilterSelect
          id="bn-type"
          name="type"
          label={t("type")}
          defaultValue={filters.type ?? ""}
          options={[{ value: "", label: t("allTypes") }, ...BENEFIT_TYPES.map((k) => ({ value: k, label: tt(k) }))]}
        />
        <FilterSelect
          id="bn-status"
          name="status"
          label={t("status")}
          defaultValue={filters.status ?? ""}
          options={[{ value: "", label: t("allStatuses") }, ...BENEFIT_STATUSES.map((k) => ({ value: k, label: ts(k) }))]}
        />
      </FilterForm>
      <ListTable
        caption={t("caption", { count: list.total })}
        captionClassName="mb-2 text-left font-semibold"
        columns={[
          { label: t("claim") },
          { label: t("dossier") },
          { label: t("filedOn") },
          { label: t("dueOn") },
          { label: t("deadlineState") },
          { label: t("status") },
        ]}
      >
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
      </ListTable>
      <Pagination path="/staff/benefits" params={{ type: filters.type, status: filters.status, unsentPage: sp.unsentPage }} page={list.page} pageSize={list.pageSize} total={list.total} />
      <Card title={t("unsentTitle")}>
        <p className="mb-3">{t("unsentIntro")}</p>
        {unsent.total === 0 ? (
          <p>{t("unsentNone")}</p>
        ) : (
          <ListTable
            caption={t("unsentTitle")}
            columns={[
              { label: t("dossier") },
              { label: t("type") },
              { label: t("paidOn") },
              { label: t("amount"), align: "right" },
              { label: t("interest"), align: "right" },
              { label: t("actions"), srOnly: true },
            ]}
          >
            {unsent.items.map((p) => (
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
          </ListTable>
        )}
        <div className="mt-3">
          <Pagination path="/staff/benefits" params={{ type: filters.type, status: filters.status, page: sp.page }} page={unsent.page} pageSize={unsent.pageSize} total={unsent.total} param="unsentPage" label={t("unsentPager")} />
        </div>
      </Card>
    </div>
  );
}
