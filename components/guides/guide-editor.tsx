"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { saveGuideAction, type GuideFormState } from "@/lib/actions/guides";

const FIELDS = ["title", "summary", "mustDo", "deadlines", "fundDoes", "links"] as const;

/** The guide in every language, one fieldset each; lists one item per line, links as "label | address". What was
 *  typed stays after an error; the errors are listed on top and beside each field. */
export function GuideEditor({ slug, version, languages, initial }: { slug: string; version: string; languages: readonly string[]; initial: Record<string, string> }) {
  const t = useTranslations("info_guides_staff");
  const tl = useTranslations("language"); // each language named in itself, as the language switch does
  const [state, action, pending] = useActionState<GuideFormState, FormData>(saveGuideAction.bind(null, slug), null);
  const values = state?.values ?? initial;
  const errors = state?.fieldErrors ?? {};
  const errorText = (code: string) => (t.has(`errors.${code}`) ? t(`errors.${code}`) : t("errors.invalid"));
  return (
    <form action={action} className="space-y-6" key={state?.savedAt ?? JSON.stringify(state?.fieldErrors ?? {})}>
      {state?.ok && <p role="status" className="rounded border-2 border-ok-700 bg-white p-3 font-semibold text-ok-700">{t("saved")}</p>}
      {state && !state.ok && (
        <div role="alert" className="rounded border-2 border-bad-700 bg-white p-3">
          <h2 className="font-semibold text-bad-700">{state.code === "validation" ? t("errorSummary") : errorText(state.code ?? "invalid")}</h2>
          <ul className="list-disc pl-5">
            {Object.entries(errors).map(([field, code]) => (
              <li key={field}>
                <a href={`#guide-${field.replace(".", "-")}`}>{t("summaryItem", { language: tl(field.split(".")[0]), field: t(`fields.${field.split(".")[1]}`), error: errorText(code) })}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <input type="hidden" name="version" value={version} />
      {languages.map((l) => (
        <fieldset key={l} lang={l} className="space-y-3 rounded border border-slate-300 p-4">
          <legend className="px-1 text-lg font-semibold text-brand-900">{tl(l)}</legend>
          {FIELDS.map((f) => {
            const name = `${l}.${f}`;
            const id = `guide-${l}-${f}`;
            const err = errors[name];
            const common = { id, name, defaultValue: values[name] ?? "", "aria-invalid": err ? true : undefined, "aria-describedby": `${id}-hint${err ? ` ${id}-error` : ""}`, className: "mt-1 w-full rounded border border-slate-500 px-2 py-1" } as const;
            return (
              <div key={f}>
                <label htmlFor={id} className="block font-medium">{t(`fields.${f}`)}</label>
                <p id={`${id}-hint`} className="text-sm text-slate-700">{t(`hints.${f}`)}</p>
                {err && <p id={`${id}-error`} className="text-bad-700">{errorText(err)}</p>}
                {f === "title" ? <input type="text" {...common} /> : <textarea rows={f === "summary" ? 2 : 4} {...common} />}
              </div>
            );
          })}
        </fieldset>
      ))}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white">{t("save")}</button>
    </form>
  );
}
