"use client";
import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { approveParameterChangeAction } from "@/lib/actions/parameters";
import type { ActionResult } from "@/lib/actions/result";

/** Approve or reject a proposed legal-parameter change (the second pair of eyes). */
export function ParameterApproval({ changeId, keyName, year }: { changeId: string; keyName: string; year: number }) {
  const t = useTranslations("parameters");
  const router = useRouter();
  const [state, action, pending] = useActionState<ActionResult<"applied" | "rejected"> | null, FormData>(approveParameterChangeAction, null);
  // the decided change leaves the list: the page says what was done (?decided=…)
  useEffect(() => {
    if (state?.ok) router.replace(`/staff/parameters?year=${year}&decided=${state.data}`);
  }, [state, router, year]);
  if (state?.ok) return <p role="status" className="text-ok-700">{t(state.data === "applied" ? "applied" : "rejectedChange")}</p>;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2" aria-label={t("approvalTitle", { key: keyName })}>
      <input type="hidden" name="changeId" value={changeId} />
      {state && !state.ok && <p role="alert" className="w-full text-bad-700">{t.has(`errors.${state.code}`) ? t(`errors.${state.code}`) : t("errors.invalid")}</p>}
      <button type="submit" name="decision" value="approve" disabled={pending} className="rounded bg-brand-700 px-3 py-1 text-white">
        {t("approve")}<span className="sr-only"> {keyName}</span>
      </button>
      <button type="submit" name="decision" value="reject" disabled={pending} className="rounded border border-slate-500 px-3 py-1">
        {t("reject")}<span className="sr-only"> {keyName}</span>
      </button>
    </form>
  );
}
