"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import type { Resolver } from "react-hook-form";
import { MeForm, type MeField } from "./me-form";
import { CONTINUED_INSURANCE_QUARTERS, continuedInsuranceSchema, type ContinuedInsuranceInput } from "@/lib/schemas/me-cessation";
import { requestContinuedInsuranceAction } from "@/lib/actions/me-cessation";
import { continuedInsurance, continuedInsurancePeriod } from "@/lib/domain/continued-insurance";
import { isIsoDate, type Quarter } from "@/lib/domain/dates";
import { formatDate } from "@/lib/format";

// The continued-insurance form: as soon as the end of the activity is known (from the dossier, or typed), the same
// domain rule the server applies shows each condition — the 4 quarters of qualifying contributions, the last day to
// ask — and the period for the number of quarters chosen. No amount: the fund computes it on decision.

export function ContinuedInsuranceForm({ today, cessationOn, qualifyingQuarters }: { today: string; cessationOn: string | null; qualifyingQuarters: Quarter[] }) {
  const t = useTranslations("ss_continued");
  const tc = useTranslations("ss_calls");
  const locale = useLocale();
  const q = (x: Quarter) => tc("quarter", { year: x.year, quarter: x.quarter });
  const conditions = (typed: string, quarters: string) => {
    const date = cessationOn ?? typed;
    if (!isIsoDate(date)) return null;
    const c = continuedInsurance({ cessationOn: date, today, qualifyingQuarters });
    if (!c.valid) return <p className="border-l-4 border-warn-800 p-2 text-warn-800">{t(`refusals.${c.refusal}`)}</p>;
    const period = continuedInsurancePeriod(c.cessationQuarter, Number(quarters));
    return (
      <>
        <h3 className="font-semibold text-brand-900">{t("conditionsCheckTitle")}</h3>
        <p>{t("cessation", { date: formatDate(locale, date), quarter: q(c.cessationQuarter) })}</p>
        <ul className="list-disc space-y-1 pl-5" data-testid="continued-quarters">
          {c.referenceQuarters.map((r) => (
            <li key={`${r.quarter.year}-${r.quarter.quarter}`}>{t(r.met ? "quarterMet" : "quarterMissing", { quarter: q(r.quarter) })}</li>
          ))}
        </ul>
        <p data-testid="continued-deadline">{t(c.inTime ? "inTime" : "late", { date: formatDate(locale, c.filingDeadlineOn) })}</p>
        {c.refusal && <p className="border-l-4 border-warn-800 p-2 text-warn-800">{t(`refusals.${c.refusal}`)}</p>}
        {period && <p className="font-medium" data-testid="continued-period">{t("period", { from: q(period.firstQuarter), to: q(period.lastQuarter), max: q(c.lastQuarter) })}</p>}
        <p>{t("amountOnDecision")}</p>
      </>
    );
  };
  const fields: MeField[] = [
    { name: "option", kind: "select", options: ["", "PENSION", "PENSION_AND_HEALTH"] },
    ...(cessationOn ? [] : [{ name: "cessationOn", kind: "date" as const }]),
    { name: "quarters", kind: "select", options: [...CONTINUED_INSURANCE_QUARTERS].reverse(), optionLabels: Object.fromEntries(CONTINUED_INSURANCE_QUARTERS.map((n) => [n, t("quartersOption", { count: Number(n) })])) },
    { name: "noOtherStatus", kind: "checkbox" },
    { name: "motivation", kind: "textarea" },
    { name: "evidence", kind: "file" },
  ];
  return (
    <MeForm<ContinuedInsuranceInput>
      ns="ss_continued"
      idPrefix="continued"
      resolver={zodResolver(continuedInsuranceSchema) as unknown as Resolver<ContinuedInsuranceInput>}
      defaults={{ option: "" as never, cessationOn: "", quarters: "8", noOtherStatus: false, motivation: "", evidence: [] }}
      fields={fields}
      action={requestContinuedInsuranceAction as never}
      draftKey="ss-draft-continued"
      review
      submitLabel={t("submit")}
      aside={(v) => (
        <section aria-live="polite" className="space-y-2 rounded border border-slate-300 p-3" data-testid="continued-effect">
          {conditions(typeof v.cessationOn === "string" ? v.cessationOn : "", String(v.quarters ?? "8")) ?? <p>{t("effectHint")}</p>}
        </section>
      )}
    />
  );
}
