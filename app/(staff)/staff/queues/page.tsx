import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { FilterForm, FilterSelect, PageTitle } from "@/components/ui";
import { Pagination, pageHref, pageParam } from "@/components/backoffice/pagination";
import { QueueBulkAssign } from "@/components/backoffice/queue-bulk-assign";
import { QueueTable } from "@/components/backoffice/queue-table";
import { requireViewer } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { listAdvisors } from "@/lib/dal/requests/list-advisors";
import { listWorkQueue } from "@/lib/dal/requests/list-work-queue";
import { DB_REQUEST_TYPES, QUEUE_STATES, type QueueState } from "@/lib/dto/requests";
import { todayInBrussels } from "@/lib/clock";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("bo_queue");
  return { title: t("title") };
}

type Search = { type?: string; advisor?: string; state?: string; page?: string };

const STATE_LABEL = { late: "stateLate", "at-risk": "stateAtRisk", paused: "statePaused", forwarded: "stateForwarded" } as const;

export default async function QueuesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requireViewer("dossier:read:any", "/staff/queues");
  const sp = await searchParams;
  const type = sp.type && ([...DB_REQUEST_TYPES, "MESSAGE"] as string[]).includes(sp.type) ? sp.type : "";
  const advisors = await listAdvisors(viewer);
  const advisor = sp.advisor && (sp.advisor === "me" || sp.advisor === "none" || advisors.some((a) => a.id === sp.advisor)) ? sp.advisor : "";
  const state = (QUEUE_STATES as readonly string[]).includes(sp.state ?? "") ? (sp.state as QueueState) : "";
  const filters = { type: type || undefined, advisor: advisor || undefined, state: state || undefined };
  const queue = await listWorkQueue(viewer, filters, todayInBrussels(), pageParam(sp.page));
  const t = await getTranslations("bo_queue");
  const tt = await getTranslations("requestType");
  const mayAssign = can(viewer.role, "request:decide");
  const advisorOptions = [
    ...(advisors.some((a) => a.id === viewer.userId) ? [{ value: viewer.userId, label: t("me") }] : []),
    ...advisors.filter((a) => a.id !== viewer.userId).map((a) => ({ value: a.id, label: a.name })),
  ];
  const params = { type, advisor, state };
  const filtered = !!(type || advisor || state);
  const from = queue.total === 0 ? 0 : (queue.page - 1) * queue.pageSize + 1;
  const to = Math.min(queue.total, queue.page * queue.pageSize);
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
        <FilterSelect
          id="q-state"
          name="state"
          label={t("deadlineState")}
          defaultValue={state}
          options={[{ value: "", label: t("allStates") }, ...QUEUE_STATES.map((s) => ({ value: s, label: t(STATE_LABEL[s]) }))]}
        />
      </FilterForm>
      <p className="font-semibold">{t("summary", { total: queue.total, late: queue.late, paused: queue.paused, forwarded: queue.forwarded })}</p>
      {queue.total === 0 ? (
        <p>
          {filtered ? t("emptyFiltered") : t("empty")} {filtered && <Link href="/staff/queues">{t("clearFilters")}</Link>}
        </p>
      ) : (
        <>
          <div className="flex flex-wrap gap-4">
            <a href={pageHref("/api/staff/queues/export", { ...params, format: "csv" }, 1)} className="underline">{t("exportCsv")}</a>
            <a href={pageHref("/api/staff/queues/export", { ...params, format: "xlsx" }, 1)} className="underline">{t("exportXlsx")}</a>
          </div>
          {mayAssign && advisorOptions.length > 0 && <QueueBulkAssign advisors={advisorOptions} defaultAdvisor={advisorOptions[0].value} />}
          <QueueTable items={queue.items} caption={t("caption", { from, to, total: queue.total })} selectable={mayAssign && advisorOptions.length > 0} />
          <Pagination path="/staff/queues" params={params} page={queue.page} pageSize={queue.pageSize} total={queue.total} />
        </>
      )}
    </div>
  );
}
