"use client";
import { useState } from "react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { startAuthentication } from "@simplewebauthn/browser";
import { passkeySignInOptionsAction } from "@/lib/actions/passkeys";
import { useTranslations } from "next-intl";
import { loginSchema, type LoginInput } from "@/lib/schemas/login";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("login");
  const tl = useTranslations("auth_login");
  const tf = useTranslations("auth_forgot");
  const tp = useTranslations("passkeys");
  // after choosing a password (activation or reset link), the sign-in page says so
  const params = useSearchParams();
  const done = params.get("activated") === "1" ? tl("activated") : params.get("reset") === "1" ? tl("reset") : params.get("ended") === "1" ? tl("ended") : null;
  const [formError, setFormError] = useState<string | null>(null);
  // staff: after a right password, the code of their authenticator app (or a recovery code)
  const [askCode, setAskCode] = useState(false);
  const [code, setCode] = useState("");
  const [passkeyBusy, setPasskeyBusy] = useState(false);
  // what is happening, said while it happens: the password check (argon2, deliberately slow), then the opening
  const [phase, setPhase] = useState<"idle" | "checking" | "opening">("idle");
  const {
    register,
    handleSubmit,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<LoginInput>({ resolver: zodResolver(loginSchema) });

  async function onSubmit(values: LoginInput) {
    setFormError(null);
    setPhase("checking");
    await finish(await signIn("credentials", { ...values, code: askCode ? code : "", redirect: false }));
  }

  // staff with a passkey: the password is checked again by the action that issues the challenge, then the passkey's
  // answer goes to the credentials provider with the password
  async function usePasskey() {
    setFormError(null);
    setPasskeyBusy(true);
    try {
      const values = getValues();
      const options = await passkeySignInOptionsAction({ email: values.email ?? "", password: values.password ?? "" });
      if (!options.ok) return setFormError(options.code === "noPasskey" ? t("errors.noPasskey") : t("errors.invalid"));
      let answer;
      try {
        answer = await startAuthentication({ optionsJSON: options.data });
      } catch {
        return setFormError(t("errors.passkeyFailed"));
      }
      await finish(await signIn("credentials", { ...values, code: "", passkey: JSON.stringify(answer), redirect: false }), true);
    } finally {
      setPasskeyBusy(false);
    }
  }

  async function finish(result: Awaited<ReturnType<typeof signIn>>, passkey = false) {
    if (!result || result.error) {
      setPhase("idle");
      if (result?.error === "second-factor-required") {
        setAskCode(true);
        return;
      }
      // one message whatever the cause (wrong password, unknown account, locked): nothing to learn from it
      setFormError(result?.error === "second-factor-invalid" ? t(passkey ? "errors.passkeyFailed" : "errors.codeInvalid") : t("errors.invalid"));
      return;
    }
    setPhase("opening");
    // a full navigation: /after-login is a route handler that sets the language cookie and redirects by role
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign(`/after-login${callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`);
  }

  const fieldError = (name: keyof LoginInput) => errors[name]?.message && t(`errors.${errors[name]?.message}`);

  return (
    <form method="post" onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      {done && !formError && (
        <p role="status" className="rounded border-l-4 border-ok-700 bg-white p-3 text-ok-700">
          {done}
        </p>
      )}
      {formError && (
        <div role="alert" className="rounded border-l-4 border-bad-700 bg-bad-50 p-3 text-bad-700">
          {formError}
        </div>
      )}
      <div>
        <label htmlFor="email" className="block font-medium">
          {t("email")}
        </label>
        <input
          id="email"
          type="email"
          autoComplete="username"
          aria-invalid={!!errors.email}
          aria-describedby={errors.email ? "email-error" : undefined}
          className="mt-1 w-full rounded border border-slate-500 px-3 py-2"
          {...register("email")}
        />
        {errors.email && (
          <p id="email-error" className="mt-1 text-sm text-bad-700">
            {fieldError("email")}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="password" className="block font-medium">
          {t("password")}
        </label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={!!errors.password}
          aria-describedby={errors.password ? "password-error" : undefined}
          className="mt-1 w-full rounded border border-slate-500 px-3 py-2"
          {...register("password")}
        />
        {errors.password && (
          <p id="password-error" className="mt-1 text-sm text-bad-700">
            {fieldError("password")}
          </p>
        )}
      </div>
      {askCode && (
        <div>
          <label htmlFor="code" className="block font-medium">
            {t("code")}
          </label>
          <p id="code-hint" className="text-sm text-slate-700">
            {t("codeHint")}
          </p>
          <input
            id="code"
            name="code"
            autoComplete="one-time-code"
            inputMode="text"
            autoFocus
            value={code}
            onChange={(e) => setCode(e.target.value)}
            aria-describedby="code-hint"
            className="mt-1 w-48 rounded border border-slate-500 px-3 py-2 font-mono"
          />
          <button type="button" onClick={usePasskey} disabled={passkeyBusy || isSubmitting} className="mt-3 block rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700">
            {tp("signIn")}
          </button>
        </div>
      )}
      <button type="submit" disabled={isSubmitting || phase === "opening"} className="w-full rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {isSubmitting || phase === "opening" ? t("submitting") : t("submit")}
      </button>
      <p role="status" className="min-h-6 text-sm text-slate-700" data-testid="sign-in-progress">
        {phase === "idle" ? "" : t(`progress.${phase}`)}
      </p>
      <p>
        <Link href="/forgot-password" className="text-brand-700 underline">
          {tf("link")}
        </Link>
      </p>
    </form>
  );
}
