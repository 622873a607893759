"use client";
import { startTransition, useActionState, useEffect, useState } from "react";
import { useForm, type FieldValues, type Path, type Resolver } from "react-hook-form";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/result";

// One self-service form: react-hook-form validated by the SAME zod schema the server action parses (the resolver
// is built by the caller from that schema), error summary on top, per-field errors, a draft kept in localStorage
// (survives a reload), an optional "check your answers" step, then the server action.

export type MeField = {
  name: string;
  kind: "text" | "textarea" | "select" | "checkbox";
  options?: string[]; // select values; labels are `${ns}.options.${name}.${value}`
  inputMode?: "numeric" | "text";
  autoComplete?: string;
};

type Props<T extends FieldValues> = {
  ns: string; // catalogue namespace of the form: labels `${ns}.fields.<name>`, hints `${ns}.hints.<name>`
  idPrefix: string;
  resolver: Resolver<T>;
  defaults: T;
  fields: MeField[];
  action: (prev: ActionResult<{ reference: string }> | ActionResult | null, formData: FormData) => Promise<ActionResult<{ reference: string }> | ActionResult>;
  draftKey?: string;
  review?: boolean;
  submitLabel: string;
  successText?: (reference: string) => string;
};

export function MeForm<T extends FieldValues>({ ns, idPrefix, resolver, defaults, fields, action, draftKey, review, submitLabel, successText }: Props<T>) {
  const t = useTranslations("ss_form");
  const tf = useTranslations(ns);
  const [state, formAction, pending] = useActionState(action, null);
  const [step, setStep] = useState<"edit" | "review">("edit");
  const form = useForm<T>({ resolver, defaultValues: defaults as never });
  const { register, handleSubmit, formState, watch, reset, getValues } = form;

  // restore the draft once, then keep it up to date
  useEffect(() => {
    if (!draftKey) return;
    try {
      const saved = window.localStorage.getItem(draftKey);
      if (saved) reset({ ...defaults, ...JSON.parse(saved) });
    } catch {
      /* an unreadable draft is ignored */
    }
    const sub = watch((values) => window.localStorage.setItem(draftKey, JSON.stringify(values)));
    return () => sub.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftKey]);

  useEffect(() => {
    if (state?.ok && draftKey) window.localStorage.removeItem(draftKey);
  }, [state, draftKey]);

  const serverErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const errorOf = (name: string): string | undefined =>
    (formState.errors as Record<string, { message?: string } | undefined>)[name]?.message ?? serverErrors[name]?.[0];
  const errored = fields.filter((f) => errorOf(f.name));
  const generalError = state && !state.ok && Object.keys(serverErrors).length === 0 ? state.code : null;

  const send = () => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(getValues())) fd.set(k, typeof v === "boolean" ? (v ? "yes" : "") : String(v ?? ""));
    if (draftKey) window.localStorage.removeItem(draftKey);
    startTransition(() => formAction(fd));
  };
  const onValid = () => {
    if (review && step === "edit") setStep("review");
    else send();
  };
  const msg = (code: string) => (t.has(`errors.${code}`) ? t(`errors.${code}`) : t("errors.invalid"));
  const valueLabel = (f: MeField, v: unknown) =>
    f.kind === "select" ? tf(`options.${f.name}.${String(v)}`) : f.kind === "checkbox" ? (v ? t("yes") : t("no")) : String(v ?? "");

  return (
    <form method="post" action={formAction} onSubmit={handleSubmit(onValid)} noValidate className="space-y-4">
      {(errored.length > 0 || generalError) && (
        <div role="alert" className="border-l-4 border-bad-700 bg-white p-3 text-bad-700">
          <h2 className="font-semibold">{t("errorSummary")}</h2>
          <ul className="list-disc pl-5">
            {errored.map((f) => (
              <li key={f.name}>
                <a href={`#${idPrefix}-${f.name}`} onClick={() => setStep("edit")}>
                  {t("summaryItem", { field: tf(`fields.${f.name}`), error: msg(errorOf(f.name)!) })}
                </a>
              </li>
            ))}
            {generalError && <li>{msg(generalError)}</li>}
          </ul>
        </div>
      )}
      {state?.ok && successText && "data" in state && state.data && (
        <p role="status" className="rounded border border-ok-700 p-3 text-ok-700">
          {successText((state.data as { reference: string }).reference)}
        </p>
      )}
      <div hidden={step === "review"} className="space-y-4">
        {fields.map((f) => {
          const id = `${idPrefix}-${f.name}`;
          const err = errorOf(f.name);
          const hint = tf.has(`hints.${f.name}`) ? tf(`hints.${f.name}`) : null;
          const describedBy = [hint ? `${id}-hint` : null, err ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
          const common = { id, "aria-invalid": err ? true : undefined, "aria-describedby": describedBy, ...register(f.name as Path<T>) };
          const cls = "mt-1 w-full max-w-xl rounded border border-slate-500 px-2 py-1";
          return (
            <div key={f.name}>
              {f.kind === "checkbox" ? (
                <div className="flex items-start gap-2">
                  <input type="checkbox" value="yes" {...common} className="mt-1" />
                  <label htmlFor={id}>{tf(`fields.${f.name}`)}</label>
                </div>
              ) : (
                <label htmlFor={id} className="block font-medium">
                  {tf(`fields.${f.name}`)}
                </label>
              )}
              {hint && (
                <p id={`${id}-hint`} className="text-sm text-slate-700">
                  {hint}
                </p>
              )}
              {err && (
                <p id={`${id}-error`} className="text-sm font-medium text-bad-700">
                  {msg(err)}
                </p>
              )}
              {f.kind === "text" && <input type="text" inputMode={f.inputMode} autoComplete={f.autoComplete} {...common} className={cls} />}
              {f.kind === "textarea" && <textarea rows={6} {...common} className={cls} />}
              {f.kind === "select" && (
                <select {...common} className={cls}>
                  {(f.options ?? []).map((o) => (
                    <option key={o} value={o}>
                      {tf(`options.${f.name}.${o}`)}
                    </option>
                  ))}
                </select>
              )}
            </div>
          );
        })}
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
          {review ? t("continue") : submitLabel}
        </button>
      </div>
      {step === "review" && (
        <section aria-labelledby={`${idPrefix}-review`} className="space-y-3">
          <h2 id={`${idPrefix}-review`} className="text-lg font-semibold text-brand-900">
            {t("checkAnswers")}
          </h2>
          <dl className="divide-y divide-slate-200">
            {fields.map((f) => (
              <div key={f.name} className="grid gap-1 py-2 sm:grid-cols-3">
                <dt className="font-medium">{tf(`fields.${f.name}`)}</dt>
                <dd className="whitespace-pre-wrap sm:col-span-2">{valueLabel(f, getValues()[f.name])}</dd>
              </div>
            ))}
          </dl>
          <div className="flex gap-3">
            <button type="button" onClick={() => setStep("edit")} className="rounded border border-brand-700 px-4 py-2 text-brand-800">
              {t("change")}
            </button>
            <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white">
              {submitLabel}
            </button>
          </div>
        </section>
      )}
    </form>
  );
}
