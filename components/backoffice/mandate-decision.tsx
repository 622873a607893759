"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { decideMandateAction } from "@/lib/actions/mandates";
import { mandateDecisionSchema, type MandateDecisionInput } from "@/lib/schemas/mandates";
import { MANDATE_REFUSAL_REASONS } from "@/lib/dto/mandates";

type Values = { mandateId: string; decision: "confirm" | "refuse"; reason: string; note: string };

/**
 * The advisor's decision on a requested mandate: confirm it, or refuse it with a reason (and a message of one's own,
 * required for "other"). Same zod schema as the server action; an error summary (role="alert") links to the fields;
 * what was typed stays after a refused submit (react-hook-form, no form action). Kept under the same key when the
 * page refreshes, so the outcome stays on screen once the mandate is no longer pending.
 */
export function MandateDecision({ mandateId, reference, pending }: { mandateId: string; reference: string; pending: boolean }) {
  const t = useTranslations("ddMandates");
  const router = useRouter();
  const [done, setDone] = useState<"ACTIVE" | "REFUSED" | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();
  const id = `mandate-${mandateId}`;
  const { register, handleSubmit, setError, formState: { errors } } = useForm<Values>({
    resolver: zodResolver(mandateDecisionSchema) as unknown as Resolver<Values>,
    defaultValues: { mandateId, decision: "refuse", reason: "", note: "" },
  });
  const message = (code: string | undefined) => t(`errors.${code ?? "invalid"}` as "errors.invalid");
  const submit = (input: MandateDecisionInput) =>
    startTransition(async () => {
      setFormError(null);
      const r = await decideMandateAction(input);
      if (r.ok) {
        setDone(r.data.status);
        router.refresh();
        return;
      }
      if (r.fieldErrors) for (const [name, codes] of Object.entries(r.fieldErrors)) setError(name as keyof Values, { message: codes?.[0] ?? "invalid" });
      else setFormError(r.code);
    });
  if (done) return <p role="status" className="text-ok-700">{t(done === "ACTIVE" ? "confirmed" : "refused")}</p>;
  if (!pending) return null;
  const fieldErrors = (["reason", "note"] as const).filter((n) => errors[n]).map((n) => ({ name: n, text: message(errors[n]?.message) }));
  return (
    <div className="space-y-4">
      {(fieldErrors.length > 0 || formError) && (
        <div role="alert" className="border-l-4 border-bad-700 bg-white p-2 text-bad-700">
          <p>{t("errorSummary")}</p>
          <ul className="list-disc pl-5">
            {fieldErrors.map((e) => <li key={e.name}><a href={`#${id}-${e.name}`} className="text-bad-700 underline">{e.text}</a></li>)}
            {formError && <li>{message(formError)}</li>}
          </ul>
        </div>
      )}
      <button type="button" disabled={busy} onClick={() => submit({ mandateId, decision: "confirm" })} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {t("confirm", { reference })}
      </button>
      <form method="post" noValidate onSubmit={handleSubmit((v) => submit({ ...v, mandateId, decision: "refuse" }))} aria-labelledby={`${id}-refuse-title`} className="space-y-3 border-t border-slate-200 pt-3">
        <h4 id={`${id}-refuse-title`} className="font-semibold text-brand-900">{t("refuseTitle", { reference })}</h4>
        <div className="max-w-xl">
          <label htmlFor={`${id}-reason`} className="block font-medium">{t("reason")}</label>
          <select id={`${id}-reason`} {...register("reason")} aria-invalid={errors.reason ? true : undefined} aria-describedby={errors.reason ? `${id}-reason-error` : undefined} className="mt-1 w-full rounded border border-slate-500 px-2 py-1">
            <option value="">{t("reasonChoose")}</option>
            {MANDATE_REFUSAL_REASONS.map((r) => <option key={r} value={r}>{t(`reasons.${r}`)}</option>)}
          </select>
          {errors.reason && <p id={`${id}-reason-error`} className="text-sm text-bad-700">{message(errors.reason.message)}</p>}
        </div>
        <div className="max-w-xl">
          <label htmlFor={`${id}-note`} className="block font-medium">{t("note")}</label>
          <p id={`${id}-note-hint`} className="text-sm text-slate-700">{t("noteHint")}</p>
          <textarea id={`${id}-note`} rows={3} {...register("note")} aria-invalid={errors.note ? true : undefined} aria-describedby={[errors.note ? `${id}-note-error` : "", `${id}-note-hint`].join(" ").trim()} className="mt-1 w-full rounded border border-slate-500 px-2 py-1" />
          {errors.note && <p id={`${id}-note-error`} className="text-sm text-bad-700">{message(errors.note.message)}</p>}
        </div>
        <button type="submit" disabled={busy} className="rounded bg-bad-700 px-4 py-2 font-semibold text-white disabled:opacity-60">{t("refuse")}</button>
      </form>
    </div>
  );
}
