"use client";
import { startTransition, useActionState } from "react";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { forgotPasswordAction } from "@/lib/actions/activation";
import type { ActionResult } from "@/lib/actions/result";
import { forgotPasswordSchema, type ForgotPasswordInput } from "@/lib/schemas/activation";

// "Forgot password": one field; the answer is the same whether an account exists or not.
export function ForgotPasswordForm() {
  const t = useTranslations("auth_form");
  const tf = useTranslations("auth_forgot");
  const [state, formAction, pending] = useActionState<ActionResult | null, FormData>(forgotPasswordAction, null);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ForgotPasswordInput>({ resolver: zodResolver(forgotPasswordSchema), defaultValues: { email: "" } });

  const serverError = state && !state.ok ? (state.fieldErrors?.email?.[0] ?? state.code) : null;
  const error = errors.email?.message ?? serverError;
  const msg = (code: string) => (t.has(`errors.${code}`) ? t(`errors.${code}`) : t("errors.invalid"));

  const onValid = (values: ForgotPasswordInput) => {
    const fd = new FormData();
    fd.set("email", values.email);
    startTransition(() => formAction(fd));
  };

  if (state?.ok) {
    return (
      <div className="space-y-4">
        <p role="status" className="rounded border border-ok-700 bg-white p-3 text-ok-700">
          {tf("sent")}
        </p>
        <p>
          <Link href="/login" className="text-brand-700 underline">
            {tf("toLogin")}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <form method="post" action={formAction} onSubmit={handleSubmit(onValid)} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      {error && (
        <div role="alert" className="border-l-4 border-bad-700 bg-white p-3 text-bad-700">
          <h2 className="font-semibold">{t("errorSummary")}</h2>
          <ul className="list-disc pl-5">
            <li>
              <a href="#forgot-email" className="underline">
                {msg(error)}
              </a>
            </li>
          </ul>
        </div>
      )}
      <div>
        <label htmlFor="forgot-email" className="block font-medium">
          {t("email")}
        </label>
        {error && (
          <p id="forgot-email-error" className="mt-1 text-sm font-medium text-bad-700">
            {msg(error)}
          </p>
        )}
        <input
          id="forgot-email"
          type="email"
          autoComplete="username"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "forgot-email-error" : undefined}
          className="mt-1 w-full rounded border border-slate-500 px-3 py-2"
          {...register("email")}
        />
      </div>
      <button type="submit" disabled={pending} className="w-full rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? tf("submitting") : tf("submit")}
      </button>
      <p>
        <Link href="/login" className="text-brand-700 underline">
          {tf("toLogin")}
        </Link>
      </p>
    </form>
  );
}
