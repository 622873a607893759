import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { RequestPage } from "@/components/me/request-page";
import { PlanForm } from "@/components/me/plan-form";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { simulateMyPaymentPlan } from "@/lib/dal/requests/simulate-my-payment-plan";
import { todayInBrussels } from "@/lib/clock";
import { formatDate, formatMoney } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_plan");
  return { title: t("title") };
}

export default async function PaymentPlanPage({ searchParams }: { searchParams: Promise<{ months?: string }> }) {
  const viewer = await requireViewer("own-request:create", "/me/requests/payment-plan");
  const sp = await searchParams;
  const months = /^\d{1,2}$/.test(sp.months ?? "") && Number(sp.months) >= 1 ? Number(sp.months) : 6;
  const sim = await orNotFound(simulateMyPaymentPlan(viewer, todayInBrussels(), { months }));
  const t = await getTranslations("ss_plan");
  const locale = await getLocale();
  return (
    <RequestPage ns="ss_plan">
      <Card title={t("simulationTitle")}>
        <form method="get" className="mb-4 flex items-end gap-3">
          <div>
            <label htmlFor="sim-months" className="block font-medium">{t("fields.months")}</label>
            <input id="sim-months" name="months" defaultValue={String(months)} inputMode="numeric" className="mt-1 w-24 rounded border border-slate-500 px-2 py-1" />
          </div>
          <button type="submit" className="rounded border border-brand-700 px-4 py-2 text-brand-800">{t("simulate")}</button>
        </form>
        <dl className="grid gap-2 sm:grid-cols-3">
          <div><dt className="text-sm text-slate-700">{t("debt")}</dt><dd className="font-semibold" data-testid="plan-debt">{formatMoney(locale, sim.debtCents)}</dd></div>
          <div><dt className="text-sm text-slate-700">{t("advance")}</dt><dd className="font-semibold">{t("advanceValue", { amount: formatMoney(locale, sim.requiredAdvanceCents), date: formatDate(locale, sim.advanceDueOn) })}</dd></div>
          <div><dt className="text-sm text-slate-700">{t("verdict")}</dt><dd className={sim.eligible ? "font-semibold text-ok-700" : "font-semibold text-bad-700"}>{sim.eligible ? t("insidePolicy") : t("outsidePolicy")}</dd></div>
        </dl>
        {!sim.eligible && (
          <ul className="mt-3 list-disc pl-5">
            {sim.refusals.map((r) => <li key={r}>{t(`refusals.${r}`)}</li>)}
          </ul>
        )}
        {sim.eligible && (
          <table className="mt-4 w-full text-left">
            <caption className="text-left font-medium">{t("scheduleCaption", { months: sim.months })}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-1 pr-4">{t("number")}</th>
                <th scope="col" className="py-1 pr-4">{t("dueOn")}</th>
                <th scope="col" className="py-1 text-right">{t("amount")}</th>
              </tr>
            </thead>
            <tbody>
              {sim.instalments.map((i) => (
                <tr key={i.number} className="border-b border-slate-100">
                  <td className="py-1 pr-4">{i.number}</td>
                  <td className="py-1 pr-4">{formatDate(locale, i.dueOn)}</td>
                  <td className="py-1 text-right font-mono">{formatMoney(locale, i.amountCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <Card title={t("requestTitle")}>
        <p className="mb-3">{sim.eligible ? t("willBeAccepted") : t("willGoToAdvisor")}</p>
        <PlanForm months={String(months)} />
      </Card>
    </RequestPage>
  );
}
