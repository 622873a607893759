"use client";
import { useState } from "react";
import { useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";

// The eID / itsme sign-in (lib/auth/fas/): next-auth posts to its sign-in endpoint (with its CSRF token) and the
// browser is then sent to the issuer — a navigation, not a form submission, so the page's form-action 'self' holds.
// It comes back through /api/auth/callback/fas, then /after-login (language and landing page by role).

/** next-auth's error codes of an OAuth sign-in (pages.error is /login), and ours (lib/auth/fas/callbacks.ts). */
const FAILED = new Set(["OAuthSignin", "OAuthCallback", "OAuthCreateAccount", "Callback", "AccessDenied", "Configuration"]);

export function fasErrorKey(error: string | null): "failed" | "refused" | "disabled" | null {
  if (!error) return null;
  if (error === "FasRefused") return "refused";
  if (error === "FasDisabled") return "disabled";
  return FAILED.has(error) ? "failed" : null;
}

export function FasSignIn({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("fas");
  const locale = useLocale();
  const error = fasErrorKey(useSearchParams().get("error"));
  const [busy, setBusy] = useState(false);

  async function start() {
    setBusy(true);
    const after = `/after-login${callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`;
    await signIn("fas", { callbackUrl: after }, { ui_locales: locale === "nl" ? "nl" : "fr" });
  }

  return (
    <section aria-labelledby="fas-heading" className="mb-6 space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="fas-heading" className="text-lg font-semibold text-brand-900">
        {t("title")}
      </h2>
      {error && (
        <div role="alert" className="rounded border-l-4 border-bad-700 bg-bad-50 p-3 text-bad-700">
          {t(`errors.${error}`)}
        </div>
      )}
      <p>{t("intro")}</p>
      <button type="button" onClick={start} disabled={busy} className="w-full rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {busy ? t("redirecting") : t("button")}
      </button>
    </section>
  );
}
