"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { updateParameterAction } from "@/lib/actions/parameters";
import type { ActionResult } from "@/lib/actions/result";

/** The correction of one figure: its current value in words, the new one typed in its unit (euros, %, …). */
export function ParameterForm({ id, label, current, hint, status }: { id: string; label: string; current: string; hint: string; status: string }) {
  const t = useTranslations("parameters");
  const tl = useTranslations("parameterText");
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(updateParameterAction, null);
  // controlled fields: a refused submission (no reason yet) keeps what was typed — React resets uncontrolled ones
  const [draft, setDraft] = useState({ value: "", status, reason: "" });
  const set = (name: keyof typeof draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: e.target.value }));
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const err = (name: string) => errors[name]?.[0];
  return (
    <form action={action} method="post" className="space-y-3 rounded border border-brand-600 bg-brand-50 p-4" aria-label={t("editTitle", { key: label })}>
      <h2 className="font-semibold">{t("editTitle", { key: label })}</h2>
      <p data-testid="parameter-current">{tl("current", { value: current })}</p>
      {state?.ok && <p role="status" className="text-ok-700">{t("saved")}</p>}
      {state && !state.ok && (
        <div role="alert" className="border-l-4 border-bad-700 bg-bad-50 p-2 text-bad-700">
          <p>{t("errorSummary")}</p>
          <ul className="list-disc pl-5">
            {Object.entries(errors).map(([field, msgs]) => (
              <li key={field}><a href={`#param-${field}`}>{t(`errors.${msgs?.[0] ?? "invalid"}`)}</a></li>
            ))}
            {Object.keys(errors).length === 0 && <li>{t.has(`errors.${state.code}`) ? t(`errors.${state.code}`) : t("errors.invalid")}</li>}
          </ul>
        </div>
      )}
      <input type="hidden" name="id" value={id} />
      <div>
        <label htmlFor="param-value" className="block font-medium">{tl("newValue", { hint })}</label>
        <input id="param-value" name="value" value={draft.value} onChange={set("value")} inputMode="decimal" autoComplete="off" aria-invalid={!!err("value")} className="mt-1 rounded border border-slate-500 px-2 py-1" />
        {err("value") && <p className="text-sm text-bad-700">{t(`errors.${err("value")}`)}</p>}
      </div>
      <div>
        <label htmlFor="param-status" className="block font-medium">{t("status")}</label>
        <select id="param-status" name="status" value={draft.status} onChange={set("status")} className="mt-1 rounded border border-slate-500 px-2 py-1">
          <option value="confirmed">{t("confirmed")}</option>
          <option value="derived">{t("derived")}</option>
        </select>
      </div>
      <div>
        <label htmlFor="param-reason" className="block font-medium">{t("reason")}</label>
        <textarea id="param-reason" name="reason" rows={2} value={draft.reason} onChange={set("reason")} aria-invalid={!!err("reason")} className="mt-1 w-full rounded border border-slate-500 px-2 py-1" />
        {err("reason") && <p className="text-sm text-bad-700">{t(`errors.${err("reason")}`)}</p>}
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 text-white">{t("save")}</button>
    </form>
  );
}
