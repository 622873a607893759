"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { browserSupportsWebAuthn, startRegistration } from "@simplewebauthn/browser";
import { beginPasskeyRegistrationAction, finishPasskeyRegistrationAction } from "@/lib/actions/passkeys";

/** Registers a passkey of the signed-in staff member: at the enrolment (`enrol`: then on to the staff area) or on
 *  their security page (`add`). */
export function PasskeyRegister({ mode }: { mode: "enrol" | "add" }) {
  const t = useTranslations("passkeys");
  const router = useRouter();
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function register() {
    setError(null);
    if (!browserSupportsWebAuthn()) return setError("unsupported");
    setBusy(true);
    try {
      const options = await beginPasskeyRegistrationAction();
      if (!options.ok) return setError("notFound");
      let response;
      try {
        response = await startRegistration({ optionsJSON: options.data });
      } catch {
        return setError("cancelled");
      }
      const result = await finishPasskeyRegistrationAction({ response: JSON.stringify(response), name: name.trim() || t("defaultName") });
      if (!result.ok) return setError(result.code === "notFound" ? "notFound" : "passkeyInvalid");
      setDone(true);
      setName("");
      if (mode === "add") router.refresh();
    } finally {
      setBusy(false);
    }
  }

  if (done && mode === "enrol") {
    return (
      <section aria-labelledby="passkey-done" className="space-y-3 rounded border border-ok-700 bg-white p-4">
        <h2 id="passkey-done" className="font-semibold text-ok-700">{t("enrolled")}</h2>
        {/* a full navigation: /after-login restores the language and opens the staff area */}
        <a href="/after-login" className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white no-underline">{t("continue")}</a>
      </section>
    );
  }
  return (
    <div className="space-y-3">
      {error && <p role="alert" className="border-l-4 border-bad-700 bg-white p-2 text-bad-700">{t(`errors.${error}` as "errors.cancelled")}</p>}
      {done && <p role="status" className="text-ok-700">{t("added")}</p>}
      <div>
        <label htmlFor={`passkey-name-${mode}`} className="block font-medium">{t("nameLabel")}</label>
        <p id={`passkey-name-hint-${mode}`} className="text-sm text-slate-700">{t("nameHint")}</p>
        <input id={`passkey-name-${mode}`} value={name} maxLength={60} onChange={(e) => setName(e.target.value)} aria-describedby={`passkey-name-hint-${mode}`} className="mt-1 w-64 rounded border border-slate-500 px-3 py-2" />
      </div>
      <button type="button" onClick={register} disabled={busy} className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700">
        {busy ? t("adding") : mode === "enrol" ? t("useInstead") : t("add")}
      </button>
    </div>
  );
}
