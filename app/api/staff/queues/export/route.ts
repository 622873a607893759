// The filtered work queue as a file (CSV or XLSX): the lines the page shows, in its order, all pages, with words in
// the reader's language (types, states, deadlines, Belgian dates), never codes. Same rule as the page:
// dossier:read:any, otherwise 404.
import { getLocale, getTranslations } from "next-intl/server";
import { currentViewer } from "@/lib/auth/session";
import { todayInBrussels } from "@/lib/clock";
import { allWorkQueueItems } from "@/lib/dal/requests/list-work-queue";
import { DB_REQUEST_TYPES, QUEUE_STATES, type QueueItem, type QueueState } from "@/lib/dto/requests";
import { documentResponse } from "@/lib/http/document-response";
import { tablesToCsv, tablesToXlsx, type Cell } from "@/lib/kpi/export";
import { formatDate } from "@/lib/format";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const sp = new URL(request.url).searchParams;
  const format = sp.get("format") === "xlsx" ? "xlsx" : "csv";
  const type = ([...DB_REQUEST_TYPES, "MESSAGE"] as string[]).includes(sp.get("type") ?? "") ? sp.get("type")! : undefined;
  const advisor = /^[A-Za-z0-9_-]{1,100}$/.test(sp.get("advisor") ?? "") ? sp.get("advisor")! : undefined;
  const state = (QUEUE_STATES as readonly string[]).includes(sp.get("state") ?? "") ? (sp.get("state") as QueueState) : undefined;
  const today = todayInBrussels();
  return documentResponse(async () => {
    const viewer = await currentViewer();
    const [t, tt, ts, tb, locale] = await Promise.all([getTranslations("bo_queue"), getTranslations("requestType"), getTranslations("bo_status"), getTranslations("bo_badge"), getLocale()]);
    const situation = (i: QueueItem) =>
      i.badge === "forwarded" ? t("withInasti")
      : i.badge === "paused" ? `${i.pausedSince ? t("pausedSince", { date: formatDate(locale, i.pausedSince) }) : t("pausedNoDate")} ${i.daysLeft >= 0 ? t("pausedRemaining", { days: i.daysLeft }) : t("pausedOverdue", { days: -i.daysLeft })}`
      : i.daysLeft >= 0 ? t("days", { days: i.daysLeft }) : t("overdue", { days: -i.daysLeft });
    const rows: Cell[][] = [];
    for await (const page of allWorkQueueItems(viewer, { type, advisor, state }, today))
      for (const i of page)
        rows.push([
          i.reference ?? t("message"), i.type === "MESSAGE" ? t("message") : tt(i.type), i.dossierName, i.memberNumber,
          formatDate(locale, i.filedOn), formatDate(locale, i.dueOn), t(`deadline.${i.deadline}`), tb(i.badge), situation(i),
          ts(i.status as "OPEN"), i.assigneeName ?? "",
        ]);
    const table = {
      name: t("title"),
      title: t("exportTitle", { date: formatDate(locale, today) }),
      headers: [t("reference"), t("requestType"), t("dossier"), t("memberNumber"), t("filedOn"), t("dueOn"), t("deadlineKind"), t("deadlineState"), t("situation"), t("state"), t("assignee")],
      rows,
    };
    const fileName = `${locale === "nl" ? "werkbak" : "file-de-travail"}-${today}.${format}`;
    return format === "xlsx"
      ? { fileName, content: await tablesToXlsx([table]), mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }
      : { fileName, content: new TextEncoder().encode(tablesToCsv([table])), mimeType: "text/csv; charset=utf-8" };
  });
}
