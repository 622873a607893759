"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { answerMandateAction, revokeMandateAction } from "@/lib/actions/accountants";
import type { ActionResult } from "@/lib/actions/result";

const errorKey = (code: string) => (["mandateNotWaiting", "busy"].includes(code) ? code : "notFound");

/** Revoke (or withdraw from) a mandate: one button, its outcome said in words. */
export function RevokeMandateButton({ id, accountant }: { id: string; accountant: string }) {
  const t = useTranslations("acc_mandates");
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(revokeMandateAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      {state && !state.ok && <p role="alert" className="text-bad-700">{t(`errors.${errorKey(state.code)}`)}</p>}
      <button type="submit" disabled={pending} className="rounded border border-bad-700 px-2 py-1 text-bad-700">
        {t("revoke")}
        <span className="sr-only"> — {accountant}</span>
      </button>
    </form>
  );
}

/** Accept or refuse an accountant's request for a mandate. */
export function AnswerMandateButtons({ id, accountant }: { id: string; accountant: string }) {
  const t = useTranslations("acc_mandates");
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(answerMandateAction, null);
  return (
    <form action={action} className="flex flex-wrap gap-2">
      <input type="hidden" name="id" value={id} />
      {state && !state.ok && <p role="alert" className="w-full text-bad-700">{t(`errors.${errorKey(state.code)}`)}</p>}
      <button type="submit" name="answer" value="accept" disabled={pending} className="rounded bg-brand-700 px-3 py-1 text-white">
        {t("accept")}
        <span className="sr-only"> — {accountant}</span>
      </button>
      <button type="submit" name="answer" value="refuse" disabled={pending} className="rounded border border-slate-500 px-3 py-1">
        {t("refuse")}
        <span className="sr-only"> — {accountant}</span>
      </button>
    </form>
  );
}
