import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { MatchForm, ReturnForm } from "@/components/money/payment-forms";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { findDossiersWithOpenCalls } from "@/lib/dal/payments/find-dossiers-with-open-calls";
import { getPaymentToReconcile } from "@/lib/dal/payments/get-payment-to-reconcile";
import { dossierLookupSchema } from "@/lib/schemas/money-payments";
import { formatDate, formatMoney } from "@/lib/format";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("moPayments");
  return { title: t("matchTitle") };
}

export default async function PaymentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ dossier?: string }> }) {
  const viewer = await requireViewer("payment:reconcile", "/staff/payments");
  const t = await getTranslations("moPayments");
  const locale = await getLocale();
  const { id } = await params;
  const sp = await searchParams;
  const payment = await orNotFound(getPaymentToReconcile(viewer, id));
  const dossierRaw = typeof sp.dossier === "string" ? sp.dossier : "";
  const lookup = dossierRaw ? dossierLookupSchema.safeParse({ dossier: dossierRaw }) : null;
  const lookupError = lookup && !lookup.success ? (lookup.error.flatten().fieldErrors.dossier?.[0] ?? "dossierTooShort") : null;
  const dossiers = lookup?.success ? await orNotFound(findDossiersWithOpenCalls(viewer, lookup.data.dossier)) : null;
  const amount = formatMoney(locale, payment.amountCents);
  const date = formatDate(locale, payment.valueOn);
  return (
    <div className="space-y-6">
      <p><Link href="/staff/payments">{t("back")}</Link></p>
      <PageTitle>{t("paymentTitle", { amount, date })}</PageTitle>
      <Card title={t("details")}>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
          <dt className="font-medium">{t("payer")}</dt><dd>{payment.counterpartyName ?? t("none")}</dd>
          <dt className="font-medium">{t("iban")}</dt><dd className="font-mono">{payment.counterpartyIban ?? t("none")}</dd>
          <dt className="font-medium">{t("communication")}</dt><dd className="break-all">{payment.communication ?? t("none")}</dd>
        </dl>
      </Card>
      {payment.status !== "UNMATCHED" ? (
        <p role="status" className="text-ok-700">
          {payment.status === "MATCHED" ? t("alreadyMatched") : t("alreadyReturned")} <Link href="/staff/payments">{t("back")}</Link>
        </p>
      ) : (
        <>
          <Card title={t("matchTitle")}>
            <form method="get" action={`/staff/payments/${payment.id}`} className="mb-4 space-y-2">
              {lookupError && (
                <div role="alert" className="border-l-4 border-bad-700 bg-white p-2 text-bad-700">
                  <p>{t("errorSummary")}</p>
                  <ul className="list-disc pl-5"><li><a href="#dossier-lookup">{t(`errors.${lookupError}` as never)}</a></li></ul>
                </div>
              )}
              <label htmlFor="dossier-lookup" className="block font-medium">{t("dossier")}</label>
              <div className="flex flex-wrap gap-2">
                <input id="dossier-lookup" name="dossier" defaultValue={dossierRaw} aria-invalid={!!lookupError} aria-describedby={lookupError ? "dossier-lookup-error" : undefined} className="w-72 rounded border border-slate-500 px-2 py-1" />
                <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("findDossier")}</button>
              </div>
              {lookupError && <p id="dossier-lookup-error" className="text-sm text-bad-700">{t(`errors.${lookupError}` as never)}</p>}
            </form>
            {dossiers && (dossiers.length === 0 ? <p>{t("noDossier")}</p> : <MatchForm paymentId={payment.id} dossiers={dossiers} />)}
          </Card>
          <Card title={t("returnTitle")}>
            <ReturnForm paymentId={payment.id} />
          </Card>
        </>
      )}
    </div>
  );
}
