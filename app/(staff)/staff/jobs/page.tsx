import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { AutoRefresh } from "@/components/money/auto-refresh";
import { JobForm } from "@/components/money/job-form";
import { JobHistory } from "@/components/money/job-history";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { listJobRunsPage } from "@/lib/dal/jobs/list-job-runs";
import { Pagination, pageParam } from "@/components/backoffice/pagination";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("moJobs");
  return { title: t("title") };
}

export default async function JobsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const viewer = await requireViewer("job:run", "/staff/jobs");
  const t = await getTranslations("moJobs");
  const list = await orNotFound(listJobRunsPage(viewer, pageParam((await searchParams).page)));
  const runs = list.items;
  const running = runs.some((r) => r.status === "RUNNING");
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      <Card title={t("formTitle")}>
        <JobForm />
      </Card>
      <Card title={t("historyTitle")}>
        <AutoRefresh active={running} />
        {running && <p role="status" className="mb-2 text-brand-800">{t("autoRefresh")}</p>}
        <JobHistory runs={runs} />
        <div className="mt-3">
          <Pagination path="/staff/jobs" params={{}} page={list.page} pageSize={list.pageSize} total={list.total} />
        </div>
      </Card>
    </div>
  );
}
