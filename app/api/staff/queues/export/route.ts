// The filtered work queue as a file (CSV or XLSX), in the reader's language: lib/dal/requests/export-work-queue.ts.
// Same rule as the page: dossier:read:any, otherwise 404.
import { getLocale } from "next-intl/server";
import { currentViewer } from "@/lib/auth/session";
import { todayInBrussels } from "@/lib/clock";
import { exportWorkQueue } from "@/lib/dal/requests/export-work-queue";
import { DB_REQUEST_TYPES, QUEUE_STATES, type QueueState } from "@/lib/dto/requests";
import { documentResponse } from "@/lib/http/document-response";
import { tablesToCsv, tablesToXlsx } from "@/lib/kpi/export";
import type { AppLocale } from "@/lib/i18n/config";
import { serverTranslator } from "@/lib/i18n/translator";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const sp = new URL(request.url).searchParams;
  const format = sp.get("format") === "xlsx" ? "xlsx" : "csv";
  const type = ([...DB_REQUEST_TYPES, "MESSAGE"] as string[]).includes(sp.get("type") ?? "") ? sp.get("type")! : undefined;
  const advisor = /^[A-Za-z0-9_-]{1,100}$/.test(sp.get("advisor") ?? "") ? sp.get("advisor")! : undefined;
  const state = (QUEUE_STATES as readonly string[]).includes(sp.get("state") ?? "") ? (sp.get("state") as QueueState) : undefined;
  const today = todayInBrussels();
  return documentResponse(async () => {
    const locale = (await getLocale()) as AppLocale;
    const table = await exportWorkQueue(await currentViewer(), { type, advisor, state }, today, locale);
    const fileName = `${serverTranslator(locale, "bo_queue")("exportFileName")}-${today}.${format}`;
    return format === "xlsx"
      ? { fileName, content: await tablesToXlsx([table]), mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }
      : { fileName, content: new TextEncoder().encode(tablesToCsv([table])), mimeType: "text/csv; charset=utf-8" };
  });
}
