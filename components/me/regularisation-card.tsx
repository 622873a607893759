// The "Regularisation" card of /me: per year not yet regularised, its status, the provisional contributions called
// and the domain's forecast (or why none is possible); then the last regularised year with its outcome.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import type { MyRegularisation, PendingYear, RegularisedYear } from "@/lib/dto/contributions";
import { formatDate, formatMoney } from "@/lib/format";

type T = Awaited<ReturnType<typeof getTranslations<"ss_regularisation">>>;

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="font-medium">{children}</dd>
    </div>
  );
}

function Pending({ y, t, locale }: { y: PendingYear; t: T; locale: string }) {
  const year = String(y.year);
  const money = (c: number) => formatMoney(locale, c);
  const status =
    y.status === "in-progress"
      ? t("statusInProgress", { year, expected: String(y.expectedFromYear) })
      : y.status === "income-received"
        ? t("statusReceived", { year })
        : t("statusWaiting", { year, expected: String(y.expectedFromYear) });
  const f = y.forecast;
  const basis = !f
    ? ""
    : f.basis.source === "tax-authority"
      ? t("basisTaxAuthority")
      : f.basis.source === "request"
        ? t("basisRequest", { reference: f.basis.reference })
        : t("basisDeclared");
  return (
    <section aria-labelledby={`reg-${y.year}`} data-testid={`regularisation-${y.year}`} data-state="pending" className="border-t border-slate-200 pt-3">
      <h3 id={`reg-${y.year}`} className="font-semibold text-brand-900">{t("pendingHeading", { year })}</h3>
      <p className="mt-1">{status}</p>
      <dl className="mt-2 grid gap-2 sm:grid-cols-3">
        <Row label={t("provisional", { year })}>{t("provisionalValue", { amount: money(y.provisionalCents), quarters: y.quartersCalled })}</Row>
        {f && <Row label={t("definitive")}>{money(f.definitiveCents)}</Row>}
        {f && (
          <Row label={t("forecast")}>
            <span data-field="forecast" className={f.kind === "supplement" ? "text-bad-700" : f.kind === "refund" ? "text-ok-700" : ""}>
              {f.kind === "supplement" ? t("forecastSupplement", { amount: money(f.netCents) }) : f.kind === "refund" ? t("forecastRefund", { amount: money(-f.netCents) }) : t("forecastNone")}
            </span>
          </Row>
        )}
      </dl>
      {f ? (
        <p className="mt-2 text-sm text-slate-700">{t("forecastNote", { income: money(f.basis.incomeCents), basis, year })}</p>
      ) : (
        <div className="mt-2">
          <p>
            {y.noForecastReason === "parametersMissing"
              ? t("noEstimateParameters", { year })
              : y.noForecastReason === "noCategory"
                ? t("noEstimateCategory", { year })
                : t("noEstimate", { year })}
          </p>
          <ul className="mt-1 flex flex-wrap gap-4">
            <li><Link href="/simulator" className="font-medium">{t("simulatorLink")}</Link></li>
            <li><Link href="/me/requests/contribution" className="font-medium">{t("changeLink")}</Link></li>
          </ul>
        </div>
      )}
    </section>
  );
}

function Regularised({ y, t, locale }: { y: RegularisedYear; t: T; locale: string }) {
  const year = String(y.year);
  const money = (c: number) => formatMoney(locale, c);
  const income = y.incomeCents === null ? t("incomeUnknown") : money(y.incomeCents);
  return (
    <section aria-labelledby={`reg-${y.year}`} data-testid={`regularisation-${y.year}`} data-state="regularised" className="border-t border-slate-200 pt-3">
      <h3 id={`reg-${y.year}`} className="font-semibold text-brand-900">{t("regularisedHeading", { year })}</h3>
      {y.outcome === "supplement" ? (
        <>
          <dl className="mt-2 grid gap-2 sm:grid-cols-4">
            <Row label={t("income")}>{income}</Row>
            <Row label={t("supplement")}>{money(y.totalCents)}</Row>
            <Row label={t("dueOn")}>{formatDate(locale, y.dueOn)}</Row>
            <Row label={t("outstanding")}>{y.outstandingCents > 0 ? <span className="text-bad-700">{money(y.outstandingCents)}</span> : t("paid")}</Row>
          </dl>
          <p className="mt-2"><Link href={`/me/calls/${y.callId}`} className="font-medium">{t("callLink", { year })}</Link></p>
        </>
      ) : (
        <dl className="mt-2 grid gap-2 sm:grid-cols-4">
          <Row label={t("income")}>{income}</Row>
          <Row label={t("refund")}><span className="text-ok-700">{money(y.refundCents)}</span></Row>
          <Row label={t("creditedOn")}>{formatDate(locale, y.bookedOn)}</Row>
          {y.setOffCents > 0 && <Row label={t("setOff")}>{money(y.setOffCents)}</Row>}
          <Row label={t("paidOutOn")}>{y.paidOutOn ? formatDate(locale, y.paidOutOn) : y.toPayOutCents > 0 ? t("notPaidOut") : t("nothingToPayOut")}</Row>
        </dl>
      )}
    </section>
  );
}

export async function RegularisationCard({ data }: { data: MyRegularisation }) {
  if (!data.applicable) return null;
  const t = await getTranslations("ss_regularisation");
  const locale = await getLocale();
  return (
    <Card title={t("title")}>
      <div className="space-y-4" data-testid="regularisation-card">
        <p>{t("intro")}</p>
        {data.years.length === 0 && <p>{t("none")}</p>}
        {data.years.map((y) => (y.state === "pending" ? <Pending key={y.year} y={y} t={t} locale={locale} /> : <Regularised key={y.year} y={y} t={t} locale={locale} />))}
      </div>
    </Card>
  );
}
