import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { Explanation } from "@/components/explanation";
import { currentViewer } from "@/lib/auth/session";
import { SIMULATOR_CATEGORIES, SIMULATOR_YEARS } from "@/lib/dto/contributions";
import { simulateContribution } from "@/lib/dal/contributions/simulate-contribution";
import { parseEurosStrict } from "@/lib/domain/parse-euros";
import { formatMoney } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_simulator");
  return { title: t("title") };
}

type Search = { year?: string; category?: string; income?: string; starter?: string };

export default async function SimulatorPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const t = await getTranslations("ss_simulator");
  const tc = await getTranslations("category");
  const locale = await getLocale();
  const year = Number(sp.year ?? SIMULATOR_YEARS[0]);
  const category = (SIMULATOR_CATEGORIES as string[]).includes(sp.category ?? "") ? (sp.category as (typeof SIMULATOR_CATEGORIES)[number]) : "MAIN";
  const submitted = sp.income !== undefined;
  const parsed = submitted ? parseEurosStrict(sp.income ?? "") : null;
  const cents = parsed?.ok ? parsed.cents : null;
  const incomeError = submitted && cents === null;
  const incomeMessage = parsed && !parsed.ok && parsed.code === "amountAmbiguous" ? t("incomeAmbiguous") : t("incomeInvalid");
  const sim = cents !== null ? await simulateContribution(await currentViewer(), { year, category, annualIncomeCents: cents, primoStarter: sp.starter === "yes" }) : null;
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p className="max-w-3xl">{t("intro")}</p>
      <Card title={t("formTitle")}>
        {incomeError && (
          <div role="alert" className="mb-3 border-l-4 border-bad-700 p-2 text-bad-700">
            <h2 className="font-semibold">{t("errorSummary")}</h2>
            <a href="#sim-income">{incomeMessage}</a>
          </div>
        )}
        <form method="get" className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="sim-year" className="block font-medium">{t("year")}</label>
            <select id="sim-year" name="year" defaultValue={String(year)} className="mt-1 rounded border border-slate-500 px-2 py-1">
              {SIMULATOR_YEARS.map((y) => <option key={y} value={y}>{y}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="sim-category" className="block font-medium">{t("category")}</label>
            <select id="sim-category" name="category" defaultValue={category} className="mt-1 rounded border border-slate-500 px-2 py-1">
              {SIMULATOR_CATEGORIES.map((c) => <option key={c} value={c}>{tc(c)}</option>)}
            </select>
          </div>
          <div>
            <label htmlFor="sim-income" className="block font-medium">{t("income")}</label>
            <p id="sim-income-hint" className="text-sm text-slate-700">{t("incomeHint")}</p>
            {incomeError && <p id="sim-income-error" className="text-sm font-medium text-bad-700">{incomeMessage}</p>}
            <input id="sim-income" name="income" defaultValue={sp.income ?? ""} inputMode="numeric" aria-invalid={incomeError || undefined} aria-describedby={incomeError ? "sim-income-hint sim-income-error" : "sim-income-hint"} className="mt-1 rounded border border-slate-500 px-2 py-1" />
          </div>
          <div className="flex items-center gap-2 self-end">
            <input id="sim-starter" type="checkbox" name="starter" value="yes" defaultChecked={sp.starter === "yes"} />
            <label htmlFor="sim-starter">{t("starter")}</label>
          </div>
          <div>
            <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white">{t("compute")}</button>
          </div>
        </form>
      </Card>
      {sim && !sim.ok && <p role="status">{t(`errors.${sim.code}`)}</p>}
      {sim && sim.ok && (
        <Card title={t("resultTitle")}>
          <p className="text-xl">
            {t("quarterly")} <strong data-testid="sim-quarterly">{formatMoney(locale, sim.result.totalCents)}</strong>
          </p>
          <h3 className="mt-4 font-semibold text-brand-900">{t("how")}</h3>
          <Explanation lines={sim.result.breakdown} />
          <p className="mt-3 text-sm text-slate-700">{t("disclaimer")}</p>
        </Card>
      )}
    </div>
  );
}
