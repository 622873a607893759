"use client";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { setKpiTargetAction } from "@/lib/actions/kpi-dashboards";
import { kpiTargetSchema, type KpiTargetInput } from "@/lib/schemas/kpi-dashboards";

/** Managers set the fund's target of one indicator; client and server parse the same zod schema. */
export function TargetForm({ indicators }: { indicators: { id: string; label: string; target: number }[] }) {
  const t = useTranslations("kpi_dash");
  const [saved, setSaved] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const { register, handleSubmit, setError, control, setValue, formState: { errors, isSubmitting } } = useForm<KpiTargetInput>({
    resolver: zodResolver(kpiTargetSchema),
    defaultValues: { indicator: indicators[0]?.id ?? "", target: String(indicators[0]?.target ?? "") },
  });
  const selected = useWatch({ control, name: "indicator" });
  const current = indicators.find((i) => i.id === selected);
  const onSubmit = handleSubmit(async (data) => {
    setSaved(false);
    setServerError(null);
    const result = await setKpiTargetAction(data);
    if (result.ok) return setSaved(true);
    if (result.fieldErrors) for (const [name, msgs] of Object.entries(result.fieldErrors)) setError(name as keyof KpiTargetInput, { message: msgs?.[0] ?? "invalid" });
    else setServerError(result.code === "notFound" ? "notFound" : "invalid");
  });
  const list = Object.entries(errors).map(([name, e]) => [name, e?.message ?? "invalid"] as const);
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-3" aria-describedby="targets-intro">
      {(list.length > 0 || serverError) && (
        <div role="alert" className="border-l-4 border-bad-700 bg-white p-2 text-bad-700">
          <p>{t("errorSummary")}</p>
          <ul className="list-disc pl-5">
            {list.map(([name, msg]) => (<li key={name}><a href={`#kpi-target-${name}`}>{t(`errors.${msg}`)}</a></li>))}
            {serverError && <li>{t(`errors.${serverError}`)}</li>}
          </ul>
        </div>
      )}
      <p role="status" className="text-ok-700">{saved ? t("targetSaved") : ""}</p>
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="kpi-target-indicator" className="block font-medium">{t("indicator")}</label>
          <select id="kpi-target-indicator" {...register("indicator", { onChange: (e) => setValue("target", String(indicators.find((i) => i.id === e.target.value)?.target ?? "")) })}
            aria-invalid={!!errors.indicator} aria-describedby={errors.indicator ? "kpi-target-indicator-error" : undefined} className="mt-1 rounded border border-slate-500 px-2 py-1">
            {indicators.map((i) => (<option key={i.id} value={i.id}>{i.label}</option>))}
          </select>
          {errors.indicator && <p id="kpi-target-indicator-error" className="text-sm text-bad-700">{t(`errors.${errors.indicator.message ?? "invalid"}`)}</p>}
        </div>
        <div>
          <label htmlFor="kpi-target-target" className="block font-medium">{t("targetLabel", { indicator: current?.label ?? "" })}</label>
          <input id="kpi-target-target" inputMode="numeric" {...register("target")} aria-invalid={!!errors.target}
            aria-describedby={errors.target ? "kpi-target-target-error" : undefined} className="mt-1 w-32 rounded border border-slate-500 px-2 py-1" />
          {errors.target && <p id="kpi-target-target-error" className="text-sm text-bad-700">{t(`errors.${errors.target.message ?? "invalid"}`)}</p>}
        </div>
        <button type="submit" disabled={isSubmitting} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("saveTarget")}</button>
      </div>
    </form>
  );
}
