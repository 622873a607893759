import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { DeadlineBadge } from "@/components/backoffice/deadline-badge";
import { ActionForm } from "@/components/backoffice/action-form";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listAdvisors, listWorkQueue } from "@/lib/dal/backoffice-requests";
import { DB_REQUEST_TYPES } from "@/lib/backoffice/requests";
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
      <Card title={t("filters")}>
        <form method="get" className="flex flex-wrap items-end gap-4">
          <div>
            <label htmlFor="q-type" className="block font-medium">{t("type")}</label>
            <select id="q-type" name="type" defaultValue={type} className="mt-1 rounded border border-slate-500 px-2 py-1">
              <option value="">{t("allTypes")}</option>
              {DB_REQUEST_TYPES.map((k) => <option key={k} value={k}>{tt(k)}</option>)}
              <option value="MESSAGE">{t("message")}</option>
            </select>
          </div>
          <div>
            <label htmlFor="q-advisor" className="block font-medium">{t("advisor")}</label>
            <select id="q-advisor" name="advisor" defaultValue={advisor} className="mt-1 rounded border border-slate-500 px-2 py-1">
              <option value="">{t("allAdvisors")}</option>
              <option value="me">{t("me")}</option>
              <option value="none">{t("unassigned")}</option>
              {advisors.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </select>
          </div>
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("apply")}</button>
        </form>
      </Card>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="mb-2 text-left font-semibold">{t("caption", { count: items.length })}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-3">{t("reference")}</th>
              <th scope="col" className="py-2 pr-3">{t("dossier")}</th>
              <th scope="col" className="py-2 pr-3">{t("filedOn")}</th>
              <th scope="col" className="py-2 pr-3">{t("dueOn")}</th>
              <th scope="col" className="py-2 pr-3">{t("daysLeft")}</th>
              <th scope="col" className="py-2 pr-3">{t("state")}</th>
              <th scope="col" className="py-2">{t("assignee")}</th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      </div>
    </div>
  );
}
