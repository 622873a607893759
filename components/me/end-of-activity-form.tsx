"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import type { Resolver } from "react-hook-form";
import { MeForm } from "./me-form";
import { endOfActivitySchema, type EndOfActivityInput } from "@/lib/schemas/me-requests";
import { requestEndOfActivityAction } from "@/lib/actions/me-requests";
import { endOfActivityEffect } from "@/lib/domain/end-of-activity";
import { isIsoDate, type Quarter } from "@/lib/domain/dates";
import { formatDate } from "@/lib/format";

// The end-of-activity form: as soon as a last day is typed, the same domain rule the server applies says which
// quarters stay due (the quarter of the end included), which calls already issued are cancelled and from which
// quarter no call is issued — before the affiliate continues to the check of their answers and sends.

export function EndOfActivityForm({ today, affiliationStartOn, issuedQuarters }: { today: string; affiliationStartOn: string; issuedQuarters: Quarter[] }) {
  const t = useTranslations("ss_end_activity");
  const tc = useTranslations("ss_calls");
  const locale = useLocale();
  const q = (x: Quarter) => tc("quarter", { year: x.year, quarter: x.quarter });
  const effect = (lastDayOn: string) => {
    if (!isIsoDate(lastDayOn)) return null;
    const e = endOfActivityEffect({ lastDayOn, affiliationStartOn, today, issuedQuarters });
    if (!e.ok) return <p className="border-l-4 border-warn-800 p-2 text-warn-800">{t(`refusals.${e.refusal}`, { start: formatDate(locale, affiliationStartOn) })}</p>;
    return (
      <>
        <h3 className="font-semibold text-brand-900">{t("effectTitle")}</h3>
        <p>{t("lastQuarter", { date: formatDate(locale, lastDayOn), quarter: q(e.lastQuarter) })}</p>
        <ul className="list-disc space-y-1 pl-5" data-testid="end-still-due">
          {e.stillDue.map((d) => <li key={`${d.quarter.year}-${d.quarter.quarter}`}>{t(d.issued ? "dueIssued" : "dueToCome", { quarter: q(d.quarter) })}</li>)}
          {e.cancelled.map((c) => <li key={`c-${c.year}-${c.quarter}`}>{t("cancelled", { quarter: q(c) })}</li>)}
        </ul>
        <p className="font-medium" data-testid="end-no-calls">{t("noCallsFrom", { quarter: q(e.noCallsFrom) })}</p>
      </>
    );
  };
  return (
    <MeForm<EndOfActivityInput>
      ns="ss_end_activity"
      idPrefix="end-activity"
      resolver={zodResolver(endOfActivitySchema) as unknown as Resolver<EndOfActivityInput>}
      defaults={{ lastDayOn: "", motivation: "", evidence: [] }}
      fields={[
        { name: "lastDayOn", kind: "date" },
        { name: "motivation", kind: "textarea" },
        { name: "evidence", kind: "file" },
      ]}
      action={requestEndOfActivityAction as never}
      draftKey="ss-draft-end-activity"
      review
      submitLabel={t("submit")}
      aside={(v) => (
        <section aria-live="polite" className="space-y-2 rounded border border-slate-300 p-3" data-testid="end-effect">
          {effect(typeof v.lastDayOn === "string" ? v.lastDayOn : "") ?? <p>{t("effectHint")}</p>}
        </section>
      )}
    />
  );
}
