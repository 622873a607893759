import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, ListTable, PageTitle } from "@/components/ui";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { listUnmatchedPaymentsPage } from "@/lib/dal/payments/list-unmatched-payments";
import { Pagination, pageParam } from "@/components/backoffice/pagination";
import { paymentSearchSchema } from "@/lib/schemas/money-payments";
import { parseEuros } from "@/lib/domain/parse-euros";
import { formatDate, formatMoney } from "@/lib/format";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("moPayments");
  return { title: t("title") };
}

export default async function PaymentsPage({ searchParams }: { searchParams: Promise<{ q?: string; amount?: string; page?: string }> }) {
  const viewer = await requireViewer("payment:reconcile", "/staff/payments");
  const t = await getTranslations("moPayments");
  const locale = await getLocale();
  const sp = await searchParams;
  const raw = { q: typeof sp.q === "string" ? sp.q : "", amount: typeof sp.amount === "string" ? sp.amount : "" };
  const parsed = paymentSearchSchema.safeParse(raw);
  const fieldErrors = parsed.success ? {} : (parsed.error.flatten().fieldErrors as Record<string, string[]>);
  const search = parsed.success ? { q: parsed.data.q, amountCents: parseEuros(parsed.data.amount) } : {};
  const list = await orNotFound(listUnmatchedPaymentsPage(viewer, search, pageParam(sp.page)));
  const payments = list.items;
  const errs = Object.entries(fieldErrors);
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      <Card title={t("searchTitle")}>
        <form method="get" action="/staff/payments" role="search" className="space-y-3">
          {errs.length > 0 && (
            <div role="alert" className="border-l-4 border-bad-700 bg-white p-2 text-bad-700">
              <p>{t("errorSummary")}</p>
              <ul className="list-disc pl-5">{errs.map(([f, m]) => (<li key={f}><a href={`#search-${f}`}>{t(`errors.${m[0]}` as never)}</a></li>))}</ul>
            </div>
          )}
          <div className="flex flex-wrap items-end gap-3">
            <div>
              <label htmlFor="search-q" className="block font-medium">{t("query")}</label>
              <input id="search-q" name="q" defaultValue={raw.q} aria-invalid={!!fieldErrors.q} aria-describedby={fieldErrors.q ? "search-q-error" : undefined} className="mt-1 w-72 rounded border border-slate-500 px-2 py-1" />
              {fieldErrors.q && <p id="search-q-error" className="text-sm text-bad-700">{t(`errors.${fieldErrors.q[0]}` as never)}</p>}
            </div>
            <div>
              <label htmlFor="search-amount" className="block font-medium">{t("amount")}</label>
              <input id="search-amount" name="amount" inputMode="decimal" defaultValue={raw.amount} aria-invalid={!!fieldErrors.amount} aria-describedby={fieldErrors.amount ? "search-amount-error" : undefined} className="mt-1 w-40 rounded border border-slate-500 px-2 py-1" />
              {fieldErrors.amount && <p id="search-amount-error" className="text-sm text-bad-700">{t(`errors.${fieldErrors.amount[0]}` as never)}</p>}
            </div>
            <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("search")}</button>
            {(raw.q || raw.amount) && <Link href="/staff/payments">{t("clear")}</Link>}
          </div>
        </form>
      </Card>
      <Card>
        {payments.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <ListTable
            caption={t("caption", { count: list.total })}
            captionClassName="text-left font-semibold text-brand-900"
            columns={[
              { label: t("valueOn") },
              { label: t("amount"), align: "right" },
              { label: t("payer") },
              { label: t("iban") },
              { label: t("communication") },
              { label: t("open"), srOnly: true },
            ]}
          >
            {payments.map((p) => (
              <tr key={p.id} className="border-b border-slate-100">
                <td className="py-1 pr-3">{formatDate(locale, p.valueOn)}</td>
                <td className="py-1 pr-3 text-right font-mono">{formatMoney(locale, p.amountCents)}</td>
                <td className="py-1 pr-3">{p.counterpartyName ?? t("none")}</td>
                <td className="py-1 pr-3 font-mono">{p.counterpartyIban ?? t("none")}</td>
                <td className="py-1 pr-3 break-all">{p.communication ?? t("none")}</td>
                <td className="py-1">
                  <Link href={`/staff/payments/${p.id}`} aria-label={t("openFor", { amount: formatMoney(locale, p.amountCents), date: formatDate(locale, p.valueOn) })}>{t("open")}</Link>
                </td>
              </tr>
            ))}
          </ListTable>
        )}
        <div className="mt-3">
          <Pagination path="/staff/payments" params={raw} page={list.page} pageSize={list.pageSize} total={list.total} />
        </div>
      </Card>
    </div>
  );
}
