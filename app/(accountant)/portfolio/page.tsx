import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, ListTable, PageTitle } from "@/components/ui";
import { AskMandateForm } from "@/components/accountants/ask-mandate-form";
import { MandateRights } from "@/components/accountants/mandate-rights";
import { openClientAction } from "@/lib/actions/accountants";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { listMyPortfolio } from "@/lib/dal/accountants/list-my-portfolio";
import { PORTFOLIO_FILTERS, type PortfolioFilter } from "@/lib/dto/accountants";
import { todayInBrussels } from "@/lib/clock";
import { formatDate, formatMoney } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("acc_portfolio");
  return { title: t("title") };
}

/** The accountant's clients and what matters this week; each file opens within the rights its mandate grants. */
export default async function PortfolioPage({ searchParams }: { searchParams: Promise<{ filter?: string }> }) {
  const viewer = await requireViewer("portfolio:read", "/portfolio");
  const asked = (await searchParams).filter ?? "all";
  const filter: PortfolioFilter = (PORTFOLIO_FILTERS as readonly string[]).includes(asked) ? (asked as PortfolioFilter) : "all";
  const today = todayInBrussels();
  const { clients, asked: waiting } = await orNotFound(listMyPortfolio(viewer, today, filter));
  const t = await getTranslations("acc_portfolio");
  const locale = await getLocale();
  const money = (c: number) => formatMoney(locale, c);
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p className="max-w-3xl">{t("intro")}</p>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("filterLabel")}>
        <div>
          <label htmlFor="filter" className="block text-sm font-medium">{t("filterLabel")}</label>
          <select id="filter" name="filter" defaultValue={filter} className="rounded border border-slate-400 px-2 py-1">
            {PORTFOLIO_FILTERS.map((f) => (
              <option key={f} value={f}>{t(`filters.${f}`)}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-slate-500 px-3 py-1">{t("apply")}</button>
        <a href={`/api/portfolio/export?filter=${filter}`} className="underline">{t("exportCsv")}</a>
        <a href={`/api/portfolio/export?filter=${filter}&format=xlsx`} className="underline">{t("exportXlsx")}</a>
      </form>
      <Card title={t("clientsTitle", { count: clients.length })}>
        {clients.length === 0 ? (
          <p>{filter === "all" ? t("noClients") : t("noneMatching")}</p>
        ) : (
          <ListTable
            caption={t("clientsTitle", { count: clients.length })}
            columns={[{ label: t("client") }, { label: t("owed"), align: "right" }, { label: t("overdue"), align: "right" }, { label: t("nextDue") }, { label: t("requests") }, { label: t("open"), srOnly: true }]}
          >
            {clients.map((c) => (
              <tr key={c.affiliateId} className="border-b border-slate-100 align-top">
                <td className="py-2 pr-3">
                  <span className="font-medium">{c.name}</span>
                  <span className="block text-sm text-slate-700">{t("memberNumber", { number: c.memberNumber })}</span>
                  <span className="block text-sm text-slate-700">
                    <MandateRights m={c} />
                  </span>
                </td>
                <td className="py-2 pr-3 text-right font-mono">{money(c.owedCents)}</td>
                <td className={`py-2 pr-3 text-right font-mono ${c.overdueCents > 0 ? "text-bad-700" : ""}`}>{money(c.overdueCents)}</td>
                <td className="py-2 pr-3">{c.nextDueOn ? formatDate(locale, c.nextDueOn) : t("nothingDue")}</td>
                <td className="py-2 pr-3">
                  {t("openRequests", { count: c.openRequests })}
                  {c.waitingForClient > 0 && <span className="block font-medium text-bad-700">{t("waitingForClient", { count: c.waitingForClient })}</span>}
                </td>
                <td className="py-2">
                  <form action={openClientAction}>
                    <input type="hidden" name="clientId" value={c.affiliateId} />
                    <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-white">
                      {t("open")}
                      <span className="sr-only"> — {c.name}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </ListTable>
        )}
      </Card>
      {waiting.length > 0 && (
        <Card title={t("waitingTitle")}>
          <ul className="list-disc space-y-1 pl-5">
            {waiting.map((m) => (
              <li key={m.id}>{t("waitingLine", { client: m.clientName, date: formatDate(locale, m.createdAt.slice(0, 10)) })}</li>
            ))}
          </ul>
        </Card>
      )}
      <Card title={t("askTitle")}>
        <p className="mb-3 max-w-3xl">{t("askIntro")}</p>
        <AskMandateForm />
      </Card>
    </div>
  );
}
