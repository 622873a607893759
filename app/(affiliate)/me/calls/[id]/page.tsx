import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { Explanation, ledgerReason } from "@/components/explanation";
import { LedgerTable } from "@/components/ledger-table";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { getMyCallStatement } from "@/lib/dal/account/get-my-call-statement";
import { formatDate, formatMoney, formatStructuredCommunication } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("call");
  return { title: t("title") };
}

export default async function CallPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewer("own-dossier:read", `/me/calls/${id}`);
  const call = await orNotFound(getMyCallStatement(viewer, id));
  const ts = await getTranslations("ss_call");
  const t = await getTranslations("call");
  const tk = await getTranslations("callKind");
  const tl = await getTranslations("ledgerKind");
  const locale = await getLocale();
  const tn = await getTranslations("moNotice");
  const period = call.quarter > 0 ? t("quarterLabel", { year: call.year, quarter: call.quarter }) : String(call.year);
  const surchargeReasons = await Promise.all(call.surcharges.map((e) => ledgerReason(e.reasonCode, e.reasonParams)));
  const creditReasons = await Promise.all(call.payments.map((p) => ledgerReason(p.reasonCode, p.reasonParams)));
  const allocationReasons = await Promise.all(
    call.payments.map((p) => Promise.all(p.allocations.map((a) => ledgerReason(a.reasonCode, a.reasonParams)))),
  );
  return (
    <div className="space-y-6">
      <p>
        <Link href="/me">{t("back")}</Link>
      </p>
      <PageTitle>{t("heading", { kind: tk(call.kind), period })}</PageTitle>
      <Card title={t("summary")}>
        <dl className="grid gap-3 sm:grid-cols-2">
          <div><dt className="text-sm text-slate-700">{t("total")}</dt><dd className="text-xl font-semibold">{formatMoney(locale, call.totalCents)}</dd></div>
          <div><dt className="text-sm text-slate-700">{t("outstanding")}</dt><dd className="text-xl font-semibold">{formatMoney(locale, call.outstandingCents)}</dd></div>
          <div><dt className="text-sm text-slate-700">{t("dueOn")}</dt><dd>{formatDate(locale, call.dueOn)}</dd></div>
          <div><dt className="text-sm text-slate-700">{t("reference")}</dt><dd className="font-mono">{formatStructuredCommunication(call.structuredCommunication)}</dd></div>
        </dl>
      </Card>
      <Card title={t("why")}>
        <Explanation lines={call.breakdown} />
      </Card>
      <Card title={t("movements")}>
        <LedgerTable lines={call.entries} caption={t("movements")} />
      </Card>
      <Card title={ts("paymentsTitle")}>
        {call.payments.length === 0 ? (
          <p>{ts("noPayments")}</p>
        ) : (
          <ol className="space-y-4">
            {call.payments.map((p, i) => (
              <li key={p.entryId} className="rounded border border-slate-200 p-3">
                <p className="font-medium">
                  {p.kind === "PAYMENT"
                    ? ts("paymentReceived", { amount: formatMoney(locale, p.amountCents), date: formatDate(locale, p.valueOn) })
                    : p.reasonCode.startsWith("regularisation.")
                      ? ts("refundSetOff", { year: String(p.reasonParams.year ?? ""), amount: formatMoney(locale, p.amountCents), date: formatDate(locale, p.valueOn) })
                      : ts("creditApplied", { reason: creditReasons[i], amount: formatMoney(locale, p.amountCents), date: formatDate(locale, p.valueOn) })}
                </p>
                <p className="text-sm text-slate-700">{ts("toThisCall", { amount: formatMoney(locale, p.allocatedToCallCents) })}</p>
                <table className="mt-2 w-full text-left text-sm">
                  <caption className="sr-only">{ts("allocationCaption", { date: formatDate(locale, p.valueOn) })}</caption>
                  <thead>
                    <tr className="border-b border-slate-300">
                      <th scope="col" className="py-1 pr-4">{ts("allocatedTo")}</th>
                      <th scope="col" className="py-1 text-right">{t("amount")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.allocations.map((a, j) => (
                      <tr key={`${a.targetEntryId}-${j}`} className="border-b border-slate-100">
                        <td className="py-1 pr-4">{tl(a.targetKind)} — {allocationReasons[i][j]}</td>
                        <td className="py-1 text-right font-mono">{formatMoney(locale, a.amountCents)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </li>
            ))}
          </ol>
        )}
        <p className="mt-3 text-sm text-slate-700">{ts("allocationRule")}</p>
      </Card>
      <Card title={ts("surchargesTitle")}>
        {call.surcharges.length === 0 ? (
          <p>{ts("noSurcharges")}</p>
        ) : (
          <ul className="space-y-1">
            {call.surcharges.map((s, i) => (
              <li key={s.id} className="flex justify-between gap-4">
                <span>{ts("surchargeLine", { date: formatDate(locale, s.bookedOn), reason: surchargeReasons[i] })}</span>
                <span className="font-mono">{formatMoney(locale, s.amountCents)}</span>
              </li>
            ))}
          </ul>
        )}
        {call.surcharges.length > 0 && <p className="mt-3 text-sm text-slate-700">{ts("surchargeWhy")}</p>}
      </Card>
      {call.regularisation.kind !== "not-applicable" && (
        <Card title={ts("regularisationTitle")}>
          {call.regularisation.kind === "regularised" ? (
            <p>
              {ts("regularised", { year: call.regularisation.year, amount: formatMoney(locale, call.regularisation.totalCents) })}{" "}
              <Link href={`/me/calls/${call.regularisation.callId}`}>{ts("seeRegularisation")}</Link>
            </p>
          ) : (
            <p>{ts("regularisationPending", { year: call.regularisation.year })}</p>
          )}
        </Card>
      )}
      <p className="flex flex-wrap gap-4">
        <a href={`/api/documents/calls/${call.id}`}>{tn("noticePdf")}</a>
        {/* letters are issued in the affiliate's official language; a reader of the English pages may ask for a courtesy copy */}
        {locale === "en" && <a href={`/api/documents/calls/${call.id}?lang=en`}>{tn("courtesyPdf")}</a>}
      </p>
      {call.outstandingCents > 0 && (
        <p>
          <Link href="/me/pay" className="font-medium">{ts("payNow")}</Link>
        </p>
      )}
    </div>
  );
}
