"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { confirmEnrolmentAction } from "@/lib/actions/second-factor";
import type { ActionResult } from "@/lib/actions/result";

/** The first code that confirms a new authenticator, then the recovery codes — shown once. */
export function SecondFactorEnrol() {
  const t = useTranslations("second_factor");
  const [state, action, pending] = useActionState<ActionResult<{ codes: string[] }> | null, FormData>(confirmEnrolmentAction, null);
  if (state?.ok) {
    return (
      <section aria-labelledby="codes-title" className="space-y-3 rounded border border-ok-700 bg-white p-4">
        <h2 id="codes-title" className="font-semibold text-ok-700">{t("enrolled")}</h2>
        <p>{t("codesIntro")}</p>
        <ul className="grid grid-cols-2 gap-1 font-mono" aria-label={t("codesLabel")}>
          {state.data.codes.map((c) => <li key={c}>{c}</li>)}
        </ul>
        {/* a full navigation: /after-login restores the language and opens the staff area */}
        <a href="/after-login" className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white no-underline">{t("continue")}</a>
      </section>
    );
  }
  const error = state && !state.ok ? (state.fieldErrors?.code?.[0] ?? "codeInvalid") : null;
  return (
    <form action={action} className="space-y-3">
      {error && <p role="alert" className="border-l-4 border-bad-700 bg-white p-2 text-bad-700">{t(`errors.${error}` as "errors.codeInvalid")}</p>}
      <div>
        <label htmlFor="enrol-code" className="block font-medium">{t("codeLabel")}</label>
        <input id="enrol-code" name="code" autoComplete="one-time-code" inputMode="numeric" aria-invalid={!!error} className="mt-1 w-40 rounded border border-slate-500 px-3 py-2 font-mono" />
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">{t("confirm")}</button>
    </form>
  );
}
