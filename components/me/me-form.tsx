"use client";
import { startTransition, useActionState, useEffect, useState, type ReactNode } from "react";
import { useForm, type FieldValues, type Path, type Resolver } from "react-hook-form";
import { useLocale, useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/result";
import { EVIDENCE_ACCEPT } from "@/lib/domain/evidence-limits";
import { isIsoDate } from "@/lib/domain/dates";
import { formatDate } from "@/lib/format";

// One self-service form: react-hook-form validated by the SAME zod schema the server action parses (the resolver
// is built by the caller from that schema), error summary on top, per-field errors, a draft kept in localStorage
// (survives a reload; files are never kept in it), an optional "check your answers" step, then the server action.
// Files travel in the FormData (evidence, checked by content on the server); checkbox groups as repeated entries.
// Error codes may carry a value after "|" (the file name): `errors.<code>` gets it as {file}.

export type MeField = {
  name: string;
  kind: "text" | "textarea" | "select" | "checkbox" | "checkboxes" | "date" | "file" | "password";
  options?: string[]; // select/checkboxes values; labels are `${ns}.options.${name}.${value}` unless optionLabels gives them
  optionLabels?: Record<string, string>; // already translated labels (e.g. the affiliate's own calls)
  inputMode?: "numeric" | "text";
  autoComplete?: string;
};

const isFileList = (v: unknown): v is FileList => typeof FileList !== "undefined" && v instanceof FileList;

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
  /** Extra content under the fields, computed from what the user typed (e.g. a late-filing warning). */
  aside?: (values: T) => ReactNode;
};

export function MeForm<T extends FieldValues>({ ns, idPrefix, resolver, defaults, fields, action, draftKey, review, submitLabel, successText, aside }: Props<T>) {
  const t = useTranslations("ss_form");
  const tf = useTranslations(ns);
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, null);
  const [step, setStep] = useState<"edit" | "review">("edit");
  const form = useForm<T>({ resolver, defaultValues: defaults as never });
  const { register, handleSubmit, formState, watch, reset, getValues } = form;

  // restore the draft once, then keep it up to date (files cannot be kept: the user picks them again)
  // files cannot be kept, and a password is never written to the browser's storage
  const fileFields = fields.filter((f) => f.kind === "file" || f.kind === "password").map((f) => f.name);
  const withoutFiles = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).filter(([k]) => !fileFields.includes(k)));
  useEffect(() => {
    if (!draftKey) return;
    try {
      const saved = window.localStorage.getItem(draftKey);
      if (saved) reset({ ...defaults, ...withoutFiles(JSON.parse(saved)) });
    } catch {
      /* an unreadable draft is ignored */
    }
    const sub = watch((values) => window.localStorage.setItem(draftKey, JSON.stringify(withoutFiles(values as Record<string, unknown>))));
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
    for (const [k, v] of Object.entries(getValues())) {
      if (isFileList(v)) for (const f of Array.from(v)) fd.append(k, f);
      else if (Array.isArray(v)) for (const x of v) fd.append(k, x instanceof File ? x : String(x));
      else if (fields.some((f) => f.name === k && f.kind === "checkboxes")) {
        if (typeof v === "string" && v) fd.append(k, v); // a group of one checkbox gives its value or false
      } else fd.set(k, typeof v === "boolean" ? (v ? "yes" : "") : String(v ?? ""));
    }
    if (draftKey) window.localStorage.removeItem(draftKey);
    startTransition(() => formAction(fd));
  };
  const onValid = () => {
    if (review && step === "edit") setStep("review");
    else send();
  };
  const msg = (raw: string) => {
    const [code, file = ""] = raw.split("|");
    return t.has(`errors.${code}`) ? t(`errors.${code}`, { file }) : t("errors.invalid");
  };
  const optionLabel = (f: MeField, o: string) => (o === "" ? t("choose") : (f.optionLabels?.[o] ?? tf(`options.${f.name}.${o}`)));
  const valueLabel = (f: MeField, v: unknown) => {
    if (f.kind === "select") return optionLabel(f, String(v));
    if (f.kind === "checkbox") return v ? t("yes") : t("no");
    if (f.kind === "date" && typeof v === "string" && isIsoDate(v)) return formatDate(locale, v); // Belgian date, never ISO
    if (f.kind === "password") return v ? "••••••••" : "";
    if (f.kind === "file") return isFileList(v) && v.length > 0 ? Array.from(v).map((x) => x.name).join(", ") : t("noFile");
    if (f.kind === "checkboxes") {
      const list = Array.isArray(v) ? v : typeof v === "string" && v ? [v] : [];
      return list.map((o) => optionLabel(f, String(o))).join(" ; ");
    }
    return String(v ?? "");
  };

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
              {f.kind === "checkboxes" ? (
                <fieldset aria-describedby={describedBy}>
                  <legend className="font-medium">{tf(`fields.${f.name}`)}</legend>
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
                  {(f.options ?? []).map((o, i) => (
                    <div key={o} className="mt-1 flex items-start gap-2">
                      <input type="checkbox" value={o} {...common} id={i === 0 ? id : `${id}-${i}`} aria-describedby={undefined} className="mt-1" />
                      <label htmlFor={i === 0 ? id : `${id}-${i}`}>{optionLabel(f, o)}</label>
                    </div>
                  ))}
                </fieldset>
              ) : f.kind === "checkbox" ? (
                <div className="flex items-start gap-2">
                  <input type="checkbox" value="yes" {...common} className="mt-1" />
                  <label htmlFor={id}>{tf(`fields.${f.name}`)}</label>
                </div>
              ) : (
                <label htmlFor={id} className="block font-medium">
                  {tf(`fields.${f.name}`)}
                </label>
              )}
              {hint && f.kind !== "checkboxes" && (
                <p id={`${id}-hint`} className="text-sm text-slate-700">
                  {hint}
                </p>
              )}
              {err && f.kind !== "checkboxes" && (
                <p id={`${id}-error`} className="text-sm font-medium text-bad-700">
                  {msg(err)}
                </p>
              )}
              {f.kind === "date" && <input type="date" {...common} className={cls} />}
              {f.kind === "file" && <input type="file" multiple accept={EVIDENCE_ACCEPT} {...common} className={cls} />}
              {f.kind === "text" && <input type="text" inputMode={f.inputMode} autoComplete={f.autoComplete} {...common} className={cls} />}
              {f.kind === "password" && <input type="password" autoComplete={f.autoComplete ?? "current-password"} {...common} className={cls} />}
              {f.kind === "textarea" && <textarea rows={6} {...common} className={cls} />}
              {f.kind === "select" && (
                <select {...common} className={cls}>
                  {(f.options ?? []).map((o) => (
                    <option key={o} value={o}>
                      {optionLabel(f, o)}
                    </option>
                  ))}
                </select>
              )}
            </div>
          );
        })}
        {aside?.(watch())}
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
