import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { RequestPage } from "@/components/me/request-page";
import { Explanation } from "@/components/explanation";
import { ContributionForm } from "@/components/me/contribution-form";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { simulateMyContributionChange } from "@/lib/dal/contributions/simulate-my-contribution-change";
import { parseEurosStrict } from "@/lib/domain/parse-euros";
import { todayInBrussels } from "@/lib/clock";
import { formatMoney } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_change");
  return { title: t("title") };
}

export default async function ContributionChangePage({ searchParams }: { searchParams: Promise<{ income?: string }> }) {
  const viewer = await requireViewer("own-request:create", "/me/requests/contribution");
  const { income = "" } = await searchParams;
  const parsed = income ? parseEurosStrict(income) : null;
  const cents = parsed?.ok ? parsed.cents : null;
  const sim = cents === null ? null : await orNotFound(simulateMyContributionChange(viewer, todayInBrussels(), { estimatedIncomeCents: cents }));
  const t = await getTranslations("ss_change");
  const tc = await getTranslations("category");
  const locale = await getLocale();
  return (
    <RequestPage ns="ss_change">
      <Card title={t("simulationTitle")}>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="sim-income" className="block font-medium">{t("fields.estimatedIncome")}</label>
            <input id="sim-income" name="income" defaultValue={income} inputMode="numeric" aria-invalid={income !== "" && cents === null ? true : undefined} aria-describedby={income !== "" && cents === null ? "sim-income-error" : undefined} className="mt-1 w-48 rounded border border-slate-500 px-2 py-1" />
          </div>
          <button type="submit" className="rounded border border-brand-700 px-4 py-2 text-brand-800">{t("simulate")}</button>
        </form>
        {income !== "" && cents === null && <p id="sim-income-error" role="alert" className="text-bad-700">{parsed && !parsed.ok && parsed.code === "amountAmbiguous" ? t("incomeAmbiguous") : t("incomeInvalid")}</p>}
        {typeof sim === "string" && <p role="status">{t(`refusals.${sim}`)}</p>}
        {sim && typeof sim !== "string" && (
          <div className="space-y-3">
            <dl className="grid gap-2 sm:grid-cols-3">
              <div><dt className="text-sm text-slate-700">{t("category")}</dt><dd>{tc(sim.category)}</dd></div>
              <div><dt className="text-sm text-slate-700">{t("current")}</dt><dd className="font-semibold">{sim.current === null ? t("noCurrent") : formatMoney(locale, sim.current)}</dd></div>
              <div><dt className="text-sm text-slate-700">{t("newAmount")}</dt><dd className="text-xl font-semibold" data-testid="new-quarterly">{formatMoney(locale, sim.next.totalCents)}</dd></div>
            </dl>
            <p className="font-medium">{t(`kind.${sim.kind}`)}</p>
            {sim.kind === "REDUCTION" && (
              <p className="border-l-4 border-warn-800 p-2 text-warn-800">{t("sanction", { quarterly: `${sim.sanctionQuarterlyBp / 100} %`, annual: `${sim.sanctionAnnualBp / 100} %` })}</p>
            )}
            <h3 className="font-semibold text-brand-900">{t("how")}</h3>
            <Explanation lines={sim.next.breakdown} />
          </div>
        )}
      </Card>
      <Card title={t("requestTitle")}>
        <ContributionForm estimatedIncome={income} />
      </Card>
    </RequestPage>
  );
}
