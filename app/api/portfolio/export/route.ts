// The accountant's portfolio as a file (CSV or XLSX), in the reader's language, filtered as on the page. Same rule as
// the page: portfolio:read, otherwise 404.
import { getLocale } from "next-intl/server";
import { currentViewer } from "@/lib/auth/session";
import { todayInBrussels } from "@/lib/clock";
import { listMyPortfolio } from "@/lib/dal/accountants/list-my-portfolio";
import { PORTFOLIO_FILTERS, type PortfolioFilter } from "@/lib/dto/accountants";
import { documentResponse } from "@/lib/http/document-response";
import { tablesToCsv, tablesToXlsx, type ExportTable } from "@/lib/kpi/export";
import { serverTranslator } from "@/lib/i18n/translator";
import { centsToEuros, formatDate } from "@/lib/format";
import type { AppLocale } from "@/lib/i18n/config";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const sp = new URL(request.url).searchParams;
  const format = sp.get("format") === "xlsx" ? "xlsx" : "csv";
  const asked = sp.get("filter") ?? "all";
  const filter: PortfolioFilter = (PORTFOLIO_FILTERS as readonly string[]).includes(asked) ? (asked as PortfolioFilter) : "all";
  const today = todayInBrussels();
  return documentResponse(async () => {
    const locale = (await getLocale()) as AppLocale;
    const t = serverTranslator(locale, "acc_portfolio");
    const { clients } = await listMyPortfolio(await currentViewer(), today, filter);
    const table: ExportTable = {
      name: "portfolio",
      title: t("title"),
      notes: [t("exportNote", { date: formatDate(locale, today), filter: t(`filters.${filter}`) })],
      headers: [t("client"), t("memberNumberHeader"), t("owedEuros"), t("overdueEuros"), t("nextDue"), t("openRequestsHeader"), t("waitingHeader")],
      rows: clients.map((c) => [c.name, c.memberNumber, centsToEuros(c.owedCents), centsToEuros(c.overdueCents), c.nextDueOn ? formatDate(locale, c.nextDueOn) : "", c.openRequests, c.waitingForClient]),
    };
    const fileName = `${t("exportFileName")}-${today}.${format}`;
    return format === "xlsx"
      ? { fileName, content: await tablesToXlsx([table]), mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }
      : { fileName, content: new TextEncoder().encode(tablesToCsv([table])), mimeType: "text/csv; charset=utf-8" };
  });
}
