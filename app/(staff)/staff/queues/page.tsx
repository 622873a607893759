import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { FilterForm, FilterSelect, ListTable, PageTitle } from "@/components/ui";
import { DeadlineBadge } from "@/components/backoffice/deadline-badge";
import { ActionForm } from "@/components/backoffice/action-form";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listAdvisors } from "@/lib/dal/requests/list-advisors";
import { listWorkQueue } from "@/lib/dal/requests/list-work-queue";
import { DB_REQUEST_TYPES } from "@/lib/dto/requests";
import { todayInBrussels } from "@/lib/clock";
import { formatDate } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("bo_queue");
  return { title: t("title") };
}

const SHOWN = 200;

export default async function QueuesPage({ searchParams }: { searchParams: Promise<{ type?: string; advisor?: string }> }) {
  const viewer = await requireViewer("dossier:read:any", "/staff/queues");
  const sp = await searchParams;
  const type = sp.type && ([...DB_REQUEST_TYPES, "MESSAGE"] as string[]).includes(sp.type) ? sp.type : "";
  const advisors = await listAdvisors(viewer);
  const advisor = sp.advisor && (sp.advisor === "me" || sp.advisor === "none" || advisors.some((a) => a.id === sp.advisor)) ? sp.advisor : "";
  const today = todayInBrussels();
  const items = await listWorkQueue(viewer, { type: type || undefined, advisor: advisor || undefined }, today);
  const t = await getTranslations("bo_queue");
  const tt = await getTranslations("requestType");
  const ts = await getTranslations("bo_status");
  const locale = await getLocale();
  const mayAssign = can(viewer.role, "request:decide");
  const advisorOptions = [
    ...(advisors.some((a) => a.id === viewer.userId) ? [{ value: viewer.userId, label: t("me") }] : []),
    ...advisors.filter((a) => a.id !== viewer.userId).map((a) => ({ value: a.id, label: a.name })),
  ];
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p className="max-w-3xl">{t("intro")}</p>
      <FilterForm title={t("filters")} submit={t("apply")}>
        <FilterSelect
          id="q-type"
          name="type"
          label={t("type")}
          defaultValue={type}
          options={[{ value: "", label: t("allTypes") }, ...DB_REQUEST_TYPES.map((k) => ({ value: k, label: tt(k) })), { value: "MESSAGE", label: t("message") }]}
        />
        <FilterSelect
          id="q-advisor"
          name="advisor"
          label={t("advisor")}
          defaultValue={advisor}
          options={[
            { value: "", label: t("allAdvisors") },
            { value: "me", label: t("me") },
            { value: "none", label: t("unassigned") },
            ...advisors.map((a) => ({ value: a.id, label: a.name })),
          ]}
        />
      </FilterForm>
      <ListTable
        caption={t("caption", { count: items.length })}
        captionClassName="mb-2 text-left font-semibold"
        columns={[
          { label: t("reference") },
          { label: t("dossier") },
          { label: t("filedOn") },
          { label: t("dueOn") },
          { label: t("daysLeft") },
          { label: t("state") },
          { label: t("assignee") },
        ]}
      >
        {items.slice(0, SHOWN).map((i) => (
          <tr key={`${i.kind}-${i.id}`} className="border-b border-slate-100 align-top">
            <th scope="row" className="py-2 pr-3 font-normal">
              {i.kind === "request" ? (
                <Link href={`/staff/requests/${i.id}`} aria-label={t("open", { reference: i.reference ?? "" })}>{i.reference}</Link>
              ) : (
                <span>{t("message")}</span>
              )}
              <br />
              <span className="text-slate-700">{i.type === "MESSAGE" ? t("message") : tt(i.type)}</span>
            </th>
            <td className="py-2 pr-3">
              {i.affiliateId ? <Link href={`/staff/dossiers/${i.affiliateId}`}>{i.dossierName}</Link> : (i.dossierName || "—")}
              <br />
              <span className="text-slate-700">{i.memberNumber}</span>
            </td>
            <td className="py-2 pr-3">{formatDate(locale, i.filedOn)}</td>
            <td className="py-2 pr-3">{formatDate(locale, i.dueOn)} <span className="text-slate-700">({t(`deadline.${i.deadline}`)})</span></td>
            <td className="py-2 pr-3">
              <DeadlineBadge badge={i.badge} />
              <br />
              {i.badge === "forwarded" ? "—" : i.daysLeft >= 0 ? t("days", { days: i.daysLeft }) : t("overdue", { days: -i.daysLeft })}
            </td>
            <td className="py-2 pr-3">{ts(i.status as "OPEN")}</td>
            <td className="py-2">
              <p>{i.assigneeName ?? t("none")}</p>
              {mayAssign && advisorOptions.length > 0 && (
                i.kind === "request" ? (
                  <ActionForm
                    kind="assign"
                    id={`assign-${i.id}`}
                    compact
                    fields={[
                      { name: "requestId", type: "hidden", value: i.id },
                      { name: "assigneeId", type: "select", label: t("assignTo"), options: advisorOptions, value: advisorOptions[0].value },
                    ]}
                    submit={t("assign")}
                    messages={{}}
                  />
                ) : (
                  <ActionForm
                    kind="dossierAdvisor"
                    id={`advisor-${i.id}`}
                    compact
                    fields={[
                      { name: "affiliateId", type: "hidden", value: i.affiliateId },
                      { name: "advisorId", type: "select", label: t("assignTo"), options: advisorOptions, value: advisorOptions[0].value },
                    ]}
                    submit={t("assign")}
                    messages={{}}
                  />
                )
              )}
            </td>
          </tr>
        ))}
      </ListTable>
    </div>
  );
}
