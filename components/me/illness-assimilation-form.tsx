"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { Resolver } from "react-hook-form";
import { MeForm } from "./me-form";
import { illnessAssimilationSchema, type IllnessAssimilationInput } from "@/lib/schemas/me-requests";
import { requestIllnessAssimilationAction } from "@/lib/actions/me-requests";
import { illnessAssimilation } from "@/lib/domain/illness-assimilation";
import { isIsoDate, type Quarter } from "@/lib/domain/dates";

// The assimilation form: as soon as the start of the incapacity (and the resumption, if known) is typed, the domain's
// rule says from which quarter (and until which) no contribution is due — before the affiliate sends. Whether the
// quarter before is paid is checked by the server, which says so in words if it is not.

export function IllnessAssimilationForm({ today, affiliationStartOn }: { today: string; affiliationStartOn: string }) {
  const t = useTranslations("ss_illness");
  const tc = useTranslations("ss_calls");
  const q = (x: Quarter) => tc("quarter", { year: x.year, quarter: x.quarter });
  const effect = (start: string, resumption: string) => {
    if (!isIsoDate(start) || (resumption !== "" && !isIsoDate(resumption))) return null;
    const e = illnessAssimilation({ incapacityStartOn: start, resumptionOn: resumption === "" ? null : resumption, affiliationStartOn, today, previousQuarterPaid: null });
    if (!e.ok) return <p className="border-l-4 border-warn-800 p-2 text-warn-800">{t(`refusals.${e.refusal}`)}</p>;
    return (
      <>
        <h3 className="font-semibold text-brand-900">{t("effectTitle")}</h3>
        <p data-testid="illness-period">{e.lastQuarter ? t("period", { from: q(e.firstQuarter), to: q(e.lastQuarter) }) : t("periodOpen", { from: q(e.firstQuarter) })}</p>
        <p>{t("quarterBefore", { quarter: q(e.quarterBefore) })}</p>
      </>
    );
  };
  return (
    <MeForm<IllnessAssimilationInput>
      ns="ss_illness"
      idPrefix="illness"
      resolver={zodResolver(illnessAssimilationSchema) as unknown as Resolver<IllnessAssimilationInput>}
      defaults={{ incapacityStartOn: "", resumptionOn: "", motivation: "", evidence: [] }}
      fields={[
        { name: "incapacityStartOn", kind: "date" },
        { name: "resumptionOn", kind: "date" },
        { name: "motivation", kind: "textarea" },
        { name: "evidence", kind: "file" },
      ]}
      action={requestIllnessAssimilationAction as never}
      draftKey="ss-draft-illness"
      review
      submitLabel={t("submit")}
      aside={(v) => (
        <section aria-live="polite" className="space-y-2 rounded border border-slate-300 p-3" data-testid="illness-effect">
          {effect(typeof v.incapacityStartOn === "string" ? v.incapacityStartOn : "", typeof v.resumptionOn === "string" ? v.resumptionOn : "") ?? <p>{t("effectHint")}</p>}
        </section>
      )}
    />
  );
}
