"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { resetSecondFactorAction } from "@/lib/actions/staff-accounts";
import type { ActionResult } from "@/lib/actions/result";

export function ResetSecondFactorButton({ userId, name }: { userId: string; name: string }) {
  const t = useTranslations("staff_accounts");
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(resetSecondFactorAction, null);
  if (state?.ok) return <p role="status" className="text-ok-700">{t("resetDone", { name })}</p>;
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      {state && !state.ok && <p role="alert" className="text-bad-700">{t.has(`errors.${state.code}`) ? t(`errors.${state.code}`) : t("errors.notFound")}</p>}
      <button type="submit" disabled={pending} className="rounded border border-bad-700 px-2 py-1 text-bad-700">{t("reset")}<span className="sr-only"> — {name}</span></button>
    </form>
  );
}
