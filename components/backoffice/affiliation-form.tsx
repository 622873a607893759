"use client";
import { useActionState, useTransition } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { fileAffiliationAction } from "@/lib/actions/backoffice-affiliation";
import type { ActionResult } from "@/lib/actions/result";
import { AFFILIATION_CATEGORIES, affiliationSchema } from "@/lib/schemas/backoffice-affiliation";
import { isOfficialLocale, OFFICIAL_LOCALES, type AppLocale } from "@/lib/i18n/config";

type Values = Record<string, string>;
type TextField = "lastName" | "firstName" | "niss" | "email" | "phone" | "street" | "postalCode" | "city" | "startOn" | "helpedNiss" | "enterpriseNumber" | "companyName" | "iban";
const ORDER = ["lastName", "firstName", "niss", "email", "phone", "street", "postalCode", "city", "language", "startOn", "category", "helpedNiss", "enterpriseNumber", "companyName", "iban", "consent"];

/** The public affiliation request; confirmation with the reference and what happens next. */
export function AffiliationForm({ locale }: { locale: AppLocale }) {
  const t = useTranslations("bo_affiliation");
  const tl = useTranslations("language");
  const [state, formAction, pending] = useActionState<ActionResult<{ reference: string }> | null, FormData>(fileAffiliationAction, null);
  const [, startTransition] = useTransition();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Values>({
    resolver: zodResolver(affiliationSchema as never) as unknown as Resolver<Values>,
    // letters go out in an official language: a reader of the English pages picks one (French by default)
    defaultValues: { language: isOfficialLocale(locale) ? locale : "fr", category: "MAIN", phone: "", helpedNiss: "", enterpriseNumber: "", companyName: "", iban: "" },
  });

  if (state?.ok) {
    return (
      <section aria-labelledby="aff-done" className="space-y-3 rounded-lg border border-ok-700 bg-white p-6">
        <h2 id="aff-done" className="text-xl font-semibold text-ok-700">{t("doneTitle")}</h2>
        <p>{t("doneReference")} <strong data-testid="affiliation-reference">{state.data.reference}</strong></p>
        <h3 className="font-semibold">{t("nextTitle")}</h3>
        <p>{t("next")}</p>
      </section>
    );
  }

  const serverErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const errorOf = (name: string): string | undefined => {
    const m = (errors[name]?.message as string | undefined) ?? serverErrors[name]?.[0];
    return m ? t(`errors.${m}` as "errors.tooLong") : undefined;
  };
  const summary = ORDER.map((name) => ({ name, error: errorOf(name) })).filter((e) => e.error);
  // a refusal that is no field's (too many attempts from this address)
  if (state && !state.ok && !state.fieldErrors && t.has(`errors.${state.code}`)) summary.push({ name: "consent", error: t(`errors.${state.code}` as "errors.tooLong") });
  const describedBy = (name: string, hint = false) => [errorOf(name) ? `aff-${name}-error` : null, hint ? `aff-${name}-hint` : null].filter(Boolean).join(" ") || undefined;
  const input = "mt-1 w-full rounded border border-slate-500 px-3 py-2";
  const field = (name: TextField, opts: { type?: string; hint?: boolean; autoComplete?: string } = {}) => (
    <div key={name}>
      <label htmlFor={`aff-${name}`} className="block font-medium">{t(`fields.${name}`)}</label>
      {opts.hint && <p id={`aff-${name}-hint`} className="text-sm text-slate-700">{t(`hints.${name}` as "hints.niss")}</p>}
      <input id={`aff-${name}`} type={opts.type ?? "text"} autoComplete={opts.autoComplete} aria-invalid={errorOf(name) ? true : undefined} aria-describedby={describedBy(name, opts.hint)} className={input} {...register(name)} />
      {errorOf(name) && <p id={`aff-${name}-error`} className="mt-1 text-sm text-bad-700">{errorOf(name)}</p>}
    </div>
  );

  return (
    <form method="post" noValidate className="space-y-6" onSubmit={handleSubmit((values) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(values)) data.set(k, typeof v === "string" ? v : v ? "yes" : "");
      startTransition(() => formAction(data));
    })}>
      {summary.length > 0 && (
        <div role="alert" className="border-l-4 border-bad-700 bg-bad-50 p-3 text-bad-700">
          <p className="font-semibold">{t("errorSummary")}</p>
          <ul className="list-disc pl-5">
            {summary.map((e) => <li key={e.name}><a href={`#aff-${e.name}`} className="text-bad-700 underline">{e.error}</a></li>)}
          </ul>
        </div>
      )}
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold text-brand-900">{t("identity")}</legend>
        {field("lastName", { autoComplete: "family-name" })}
        {field("firstName", { autoComplete: "given-name" })}
        {field("niss", { hint: true })}
        {field("email", { type: "email", autoComplete: "email" })}
        {field("phone", { type: "tel", autoComplete: "tel" })}
        {field("street", { autoComplete: "address-line1" })}
        {field("postalCode", { autoComplete: "postal-code" })}
        {field("city", { autoComplete: "address-level2" })}
        <div>
          <label htmlFor="aff-language" className="block font-medium">{t("fields.language")}</label>
          <select id="aff-language" className={input} {...register("language")}>
            {OFFICIAL_LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>{tl(l)}</option>
            ))}
          </select>
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold text-brand-900">{t("activity")}</legend>
        {field("startOn", { type: "date", hint: true })}
        <div>
          <label htmlFor="aff-category" className="block font-medium">{t("fields.category")}</label>
          <select id="aff-category" aria-invalid={errorOf("category") ? true : undefined} aria-describedby={describedBy("category")} className={input} {...register("category")}>
            {AFFILIATION_CATEGORIES.map((c) => <option key={c} value={c}>{t(`categories.${c}`)}</option>)}
          </select>
          {errorOf("category") && <p id="aff-category-error" className="mt-1 text-sm text-bad-700">{errorOf("category")}</p>}
        </div>
        {field("helpedNiss", { hint: true })}
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold text-brand-900">{t("company")}</legend>
        <p className="text-sm text-slate-700">{t("companyHint")}</p>
        {field("enterpriseNumber")}
        {field("companyName")}
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold text-brand-900">{t("bank")}</legend>
        {field("iban", { hint: true })}
      </fieldset>
      <div>
        <input id="aff-consent" type="checkbox" value="yes" aria-invalid={errorOf("consent") ? true : undefined} aria-describedby={describedBy("consent")} {...register("consent")} />
        <label htmlFor="aff-consent" className="ml-2">{t("fields.consent")}</label>
        {errorOf("consent") && <p id="aff-consent-error" className="mt-1 text-sm text-bad-700">{errorOf("consent")}</p>}
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">{t("submit")}</button>
    </form>
  );
}
