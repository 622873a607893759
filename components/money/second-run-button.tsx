"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { runJobForRealAction } from "@/lib/actions/money-jobs";

/** The second person's "run for real" of a colleague's import dry run (four eyes). */
export function SecondRunButton({ dryRunId, label }: { dryRunId: string; label: string }) {
  const t = useTranslations("moJobs");
  const te = useTranslations("moErrors");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  async function run() {
    setPending(true);
    const r = await runJobForRealAction({ dryRunId });
    setPending(false);
    setMessage(r.ok ? { ok: true, text: t("started") } : { ok: false, text: te.has(r.code) ? te(r.code as never) : te("unknown", { code: r.code }) });
    router.refresh();
  }
  return (
    <div className="mt-1">
      <button type="button" onClick={run} disabled={pending} className="rounded bg-bad-700 px-2 py-1 font-semibold text-white">{label}</button>
      {message && <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-ok-700" : "text-bad-700"}>{message.text}</p>}
    </div>
  );
}
