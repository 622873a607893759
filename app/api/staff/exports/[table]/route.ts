// Downloads of every dashboard table (CSV or XLSX). Same rule as the pages: dashboard:read, otherwise 404.
import { getTranslations } from "next-intl/server";
import { currentViewer } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { busyResponse, isBusy } from "@/lib/http/busy";
import { todayInBrussels } from "@/lib/clock";
import { getExportTable } from "@/lib/dal/dashboards/get-export-table";
import { tablesToCsv, tablesToXlsx, type ExportTable } from "@/lib/kpi/export";
import { kpiFilterSchema } from "@/lib/schemas/kpi-dashboards";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ table: string }> }) {
  const { table } = await params;
  const sp = Object.fromEntries(new URL(request.url).searchParams);
  const format = sp.format === "xlsx" ? "xlsx" : "csv";
  const today = todayInBrussels();
  try {
    const raw = await getExportTable(await currentViewer(), table, { ...kpiFilterSchema.parse(sp), indicator: sp.indicator, year: sp.year }, today);
    const [tc, tf] = await Promise.all([getTranslations("kpi_col"), getTranslations("kpi_file")]);
    const out: ExportTable = { name: raw.name, title: tf(raw.titleKey, raw.titleValues ?? {}), notes: raw.notes, headers: raw.headers.map((h) => tc(h)), rows: raw.rows };
    const base = `${raw.name.replace(/[^A-Za-z0-9_-]+/g, "-")}-${today}`;
    if (format === "xlsx") {
      const body = await tablesToXlsx([out]);
      return new Response(new Uint8Array(body), {
        headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "content-disposition": `attachment; filename="${base}.xlsx"`, "cache-control": "no-store" },
      });
    }
    return new Response(tablesToCsv([out]), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${base}.csv"`, "cache-control": "no-store" },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new Response("Not found", { status: 404 });
    if (isBusy(error)) return busyResponse(request);
    throw error;
  }
}
