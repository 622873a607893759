import "server-only";
import { type Viewer } from "@/lib/auth/viewer";
import { allWorkQueueItems } from "@/lib/dal/requests/list-work-queue";
import { type QueueFilters, type QueueItem } from "@/lib/dto/requests";
import { type AppLocale } from "@/lib/i18n/config";
import { serverTranslator } from "@/lib/i18n/translator";
import { type Cell, type ExportTable } from "@/lib/kpi/export";
import { formatDate } from "@/lib/format";

/** The filtered work queue as a table to download: every line in the page's order (all pages), in words in the
 *  reader's language — types, states, deadline situations, Belgian dates — never codes. Same rule as the page. */
export async function exportWorkQueue(viewer: Viewer | null, filters: QueueFilters, today: string, locale: AppLocale): Promise<ExportTable> {
  const t = serverTranslator(locale, "bo_queue");
  const tt = serverTranslator(locale, "requestType");
  const ts = serverTranslator(locale, "bo_status");
  const tb = serverTranslator(locale, "bo_badge");
  const pausedLeft = (i: QueueItem) => i.daysLeftAtPause ?? i.daysLeft;
  const situation = (i: QueueItem) =>
    i.badge === "forwarded"
      ? t("withInasti")
      : i.badge === "paused"
        ? `${i.pausedSince ? t("pausedSince", { date: formatDate(locale, i.pausedSince) }) : t("pausedNoDate")} ${pausedLeft(i) >= 0 ? t("pausedRemaining", { days: pausedLeft(i) }) : t("pausedOverdue", { days: -pausedLeft(i) })}`
        : i.daysLeft >= 0
          ? t("days", { days: i.daysLeft })
          : t("overdue", { days: -i.daysLeft });
  const rows: Cell[][] = [];
  for await (const page of allWorkQueueItems(viewer, filters, today))
    for (const i of page)
      rows.push([
        i.reference ?? t("message"),
        i.type === "MESSAGE" ? t("message") : tt(i.type),
        i.dossierName,
        i.memberNumber,
        formatDate(locale, i.filedOn),
        formatDate(locale, i.dueOn),
        t(`deadline.${i.deadline}`),
        tb(i.badge),
        situation(i),
        ts(i.status),
        i.assigneeName ?? "",
      ]);
  return {
    name: t("title"),
    title: t("exportTitle", { date: formatDate(locale, today) }),
    headers: [t("reference"), t("requestType"), t("dossier"), t("memberNumber"), t("filedOn"), t("dueOn"), t("deadlineKind"), t("deadlineState"), t("situation"), t("state"), t("assignee")],
    rows,
  };
}
