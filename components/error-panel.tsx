"use client";
import { useTranslations } from "next-intl";

/** The body of every error.tsx: a clear message and a retry, never a stack trace (the digest identifies the log line). */
export function ErrorPanel({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main id="main" className="mx-auto max-w-2xl p-6">
      <div role="alert" className="rounded border-l-4 border-bad-700 bg-bad-50 p-4">
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="mt-2">{t("body")}</p>
        {error.digest && <p className="mt-2 text-sm">{t("reference", { digest: error.digest })}</p>}
        <button type="button" onClick={reset} className="mt-4 rounded bg-brand-700 px-4 py-2 text-white">
          {t("retry")}
        </button>
      </div>
    </main>
  );
}
