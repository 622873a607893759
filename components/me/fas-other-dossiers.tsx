"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { chooseCompanyDossierAction } from "@/lib/actions/fas";

/** The companies the signed-in person directs: each dossier opens through an eID sign-in with that choice (the
 *  session is one dossier's; lib/auth/fas/resolve.ts). */
export function FasOtherDossiers({ companies }: { companies: { affiliateId: string; name: string }[] }) {
  const t = useTranslations("fas");
  const locale = useLocale();
  const [busy, setBusy] = useState<string | null>(null);

  async function open(affiliateId: string) {
    setBusy(affiliateId);
    const chosen = await chooseCompanyDossierAction(affiliateId);
    if (!chosen.ok) {
      setBusy(null);
      return;
    }
    await signIn("fas", { callbackUrl: "/after-login" }, { ui_locales: locale === "nl" ? "nl" : "fr" });
  }

  return (
    <section aria-labelledby="fas-dossiers" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="fas-dossiers" className="mb-3 text-lg font-semibold text-brand-900">
        {t("dossiers.title")}
      </h2>
      <p className="mb-3">{t("dossiers.intro")}</p>
      <ul className="space-y-2">
        {companies.map((c) => (
          <li key={c.affiliateId}>
            <button type="button" onClick={() => open(c.affiliateId)} disabled={busy !== null} className="rounded border border-brand-700 px-3 py-1 font-medium text-brand-700 hover:bg-brand-50 disabled:opacity-60">
              {busy === c.affiliateId ? t("redirecting") : t("dossiers.open", { name: c.name })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
