import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { RequestPage } from "@/components/me/request-page";
import { SurchargeWaiverForm } from "@/components/me/relief-forms";
import { callPeriodLabel } from "@/components/me/call-label";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { getMyWaiverOptions } from "@/lib/dal/me-relief";
import { todayInBrussels } from "@/lib/clock";
import { charterDeadlines } from "@/lib/domain";
import { formatDate, formatMoney } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_waiver");
  return { title: t("title") };
}

export default async function SurchargeWaiverPage() {
  const viewer = await requireViewer("own-request:create", "/me/requests/surcharge-waiver");
  const today = todayInBrussels();
  const o = await orNotFound(getMyWaiverOptions(viewer));
  const t = await getTranslations("ss_waiver");
  const tc = await getTranslations("ss_calls");
  const locale = await getLocale();
  const eligible = o.calls.filter((c) => c.check.eligible);
  return (
    <RequestPage ns="ss_waiver" deadlineNote={t("deadline", { date: formatDate(locale, charterDeadlines({ filedOn: today }).decisionDueOn) })}>
      <Card title={t("callsTitle")}>
        {o.calls.length === 0 ? (
          <p>{t("noCalls")}</p>
        ) : (
          <table className="w-full text-left">
            <caption className="sr-only">{t("callsTitle")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1 pr-4">{t("period")}</th>
                <th scope="col" className="py-1 pr-4 text-right">{t("surcharges")}</th>
                <th scope="col" className="py-1 pr-4 text-right">{t("principalOutstanding")}</th>
                <th scope="col" className="py-1">{t("canAsk")}</th>
              </tr>
            </thead>
            <tbody>
              {o.calls.map((c) => (
                <tr key={c.id} className="border-b border-slate-100">
                  <th scope="row" className="py-1 pr-4 font-normal">{callPeriodLabel(tc, c)}</th>
                  <td className="py-1 pr-4 text-right font-mono">{formatMoney(locale, c.surchargeCents)}</td>
                  <td className="py-1 pr-4 text-right font-mono">{formatMoney(locale, c.principalOutstandingCents)}</td>
                  <td className="py-1">{c.check.eligible ? t("yes") : c.check.refusals.map((r) => t(`callRefusals.${r}`)).join(" ; ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      {eligible.length > 0 && (
        <Card title={t("requestTitle")}>
          <SurchargeWaiverForm calls={eligible.map((c) => ({ id: c.id, label: tc("surchargeLabel", { period: callPeriodLabel(tc, c), amount: formatMoney(locale, c.surchargeCents) }) }))} />
        </Card>
      )}
    </RequestPage>
  );
}
