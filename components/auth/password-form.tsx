"use client";
import { startTransition, useActionState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { activateAccountAction, resetPasswordAction } from "@/lib/actions/activation";
import type { ActionResult } from "@/lib/actions/result";
import { setPasswordSchema, type SetPasswordInput } from "@/lib/schemas/activation";

// Choosing a password from an activation or reset link: validated in the browser by the same zod schema as the
// server action; error summary on top (links to the fields) and per-field errors. On success the action redirects
// to the sign-in page.

const FIELDS = ["password", "confirm"] as const;

export function PasswordForm({ purpose, token }: { purpose: "activation" | "reset"; token: string }) {
  const t = useTranslations("auth_form");
  const tp = useTranslations(purpose === "activation" ? "auth_activate" : "auth_reset");
  const [state, formAction, pending] = useActionState<ActionResult | null, FormData>(purpose === "activation" ? activateAccountAction : resetPasswordAction, null);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<SetPasswordInput>({ resolver: zodResolver(setPasswordSchema), defaultValues: { token, password: "", confirm: "" } });

  const serverErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const errorOf = (name: (typeof FIELDS)[number]) => errors[name]?.message ?? serverErrors[name]?.[0];
  const msg = (code: string) => (t.has(`errors.${code}`) ? t(`errors.${code}`) : t("errors.invalid"));
  const errored = FIELDS.filter((f) => errorOf(f));
  const general = state && !state.ok && Object.keys(serverErrors).length === 0 ? state.code : null;

  const onValid = (values: SetPasswordInput) => {
    const fd = new FormData();
    fd.set("token", values.token);
    fd.set("password", values.password);
    fd.set("confirm", values.confirm);
    startTransition(() => formAction(fd));
  };

  return (
    <form method="post" action={formAction} onSubmit={handleSubmit(onValid)} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      {(errored.length > 0 || general) && (
        <div role="alert" className="border-l-4 border-bad-700 bg-white p-3 text-bad-700">
          <h2 className="font-semibold">{t("errorSummary")}</h2>
          <ul className="list-disc pl-5">
            {errored.map((f) => (
              <li key={f}>
                <a href={`#pw-${f}`} className="underline">
                  {msg(errorOf(f)!)}
                </a>
              </li>
            ))}
            {general && <li>{msg(general)}</li>}
          </ul>
        </div>
      )}
      <input type="hidden" {...register("token")} />
      <div>
        <label htmlFor="pw-password" className="block font-medium">
          {t("password")}
        </label>
        <p id="pw-password-hint" className="text-sm text-slate-700">
          {t("passwordHint")}
        </p>
        {errorOf("password") && (
          <p id="pw-password-error" className="mt-1 text-sm font-medium text-bad-700">
            {msg(errorOf("password")!)}
          </p>
        )}
        <input
          id="pw-password"
          type="password"
          autoComplete="new-password"
          aria-invalid={errorOf("password") ? true : undefined}
          aria-describedby={`pw-password-hint${errorOf("password") ? " pw-password-error" : ""}`}
          className="mt-1 w-full rounded border border-slate-500 px-3 py-2"
          {...register("password")}
        />
      </div>
      <div>
        <label htmlFor="pw-confirm" className="block font-medium">
          {t("confirm")}
        </label>
        {errorOf("confirm") && (
          <p id="pw-confirm-error" className="mt-1 text-sm font-medium text-bad-700">
            {msg(errorOf("confirm")!)}
          </p>
        )}
        <input
          id="pw-confirm"
          type="password"
          autoComplete="new-password"
          aria-invalid={errorOf("confirm") ? true : undefined}
          aria-describedby={errorOf("confirm") ? "pw-confirm-error" : undefined}
          className="mt-1 w-full rounded border border-slate-500 px-3 py-2"
          {...register("confirm")}
        />
      </div>
      <button type="submit" disabled={pending} className="w-full rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? tp("submitting") : tp("submit")}
      </button>
    </form>
  );
}
