"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { refreshKpiAction } from "@/lib/actions/kpi-dashboards";
import type { ActionResult } from "@/lib/actions/result";

export function RefreshForm() {
  const t = useTranslations("kpi_dash");
  const [state, action, pending] = useActionState<ActionResult<{ months: number }> | null>(refreshKpiAction, null);
  return (
    <form action={action} method="post" className="flex flex-wrap items-center gap-3">
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("refreshNow")}</button>
      <p role="status" className="text-ok-700">{state?.ok ? t("refreshed", { months: state.data.months }) : ""}</p>
      {state && !state.ok && <p role="alert" className="text-bad-700">{t(`errors.${state.code === "notFound" ? "notFound" : "invalid"}`)}</p>}
    </form>
  );
}
