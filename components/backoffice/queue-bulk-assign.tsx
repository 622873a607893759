"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { assignQueueItemsAction } from "@/lib/actions/work-queue";
import type { ActionResult } from "@/lib/actions/result";
import type { BulkAssignment } from "@/lib/dto/requests";

export const QUEUE_FORM_ID = "queue-bulk";

/**
 * The work queue's one assignment form: the lines ticked in the table (checkboxes tied to this form by their form
 * attribute), one advisor, one button. The result is said in words: how many lines went to whom (role="status"), or
 * what went wrong (role="alert").
 */
export function QueueBulkAssign({ advisors, defaultAdvisor }: { advisors: { value: string; label: string }[]; defaultAdvisor: string }) {
  const t = useTranslations("bo_queue");
  const te = useTranslations("bo_errors");
  const [state, action, pending] = useActionState<ActionResult<BulkAssignment> | null, FormData>(assignQueueItemsAction, null);
  const error = state && !state.ok ? (state.fieldErrors ? Object.values(state.fieldErrors).flat()[0] : undefined) ?? state.code : null;
  return (
    <form id={QUEUE_FORM_ID} action={action} className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" aria-labelledby="queue-bulk-title">
      <h2 id="queue-bulk-title" className="w-full text-lg font-semibold text-brand-900">{t("bulkTitle")}</h2>
      <p className="w-full text-sm text-slate-700">{t("bulkHint")}</p>
      <div className="flex w-full items-center gap-2">
        <SelectAllOnPage id="queue-bulk-all" />
        <label htmlFor="queue-bulk-all">{t("selectAll")}</label>
      </div>
      <div>
        <label htmlFor="queue-bulk-assignee" className="block font-medium">{t("assignTo")}</label>
        <select id="queue-bulk-assignee" name="assigneeId" defaultValue={defaultAdvisor} className="mt-1 rounded border border-slate-500 px-2 py-1">
          {advisors.map((a) => <option key={a.value} value={a.value}>{a.label}</option>)}
        </select>
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {t("assignSelected")}
      </button>
      <div role="status" aria-live="polite" className="w-full">
        {state?.ok && <p className="rounded border border-ok-700 bg-white px-3 py-2 text-ok-700">{t("assigned", { count: state.data.assigned, name: state.data.assigneeName })}</p>}
      </div>
      {error && <p role="alert" className="w-full rounded border border-bad-700 bg-white px-3 py-2 text-bad-700">{te(error)}</p>}
    </form>
  );
}

/** Ticks or unticks every line of the page (the checkboxes of the assignment form). */
function SelectAllOnPage({ id }: { id: string }) {
  return (
    <input
      type="checkbox"
      id={id}
      className="h-4 w-4"
      onChange={(e) => {
        const boxes = document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][form="${QUEUE_FORM_ID}"][name="items"]`);
        boxes.forEach((b) => (b.checked = e.currentTarget.checked));
      }}
    />
  );
}
