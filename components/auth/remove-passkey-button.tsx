"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { removePasskeyAction } from "@/lib/actions/passkeys";
import type { ActionResult } from "@/lib/actions/result";

export function RemovePasskeyButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations("staff_security");
  const [state, action, pending] = useActionState<ActionResult | null, FormData>(removePasskeyAction, null);
  if (state?.ok) return <p role="status" className="text-ok-700">{t("removed")}</p>;
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      {state && !state.ok && <p role="alert" className="text-bad-700">{t(state.code === "lastFactor" ? "errors.lastFactor" : "errors.notFound")}</p>}
      <button type="submit" disabled={pending} className="rounded border border-bad-700 px-2 py-1 text-bad-700">{t("remove")}<span className="sr-only"> — {name}</span></button>
    </form>
  );
}
