"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import type { Resolver } from "react-hook-form";
import { MeForm } from "./me-form";
import { jointLiabilityReleaseSchema, type JointLiabilityReleaseInput } from "@/lib/schemas/me-cessation";
import type { ActionResult } from "@/lib/actions/result";
import { formatDate } from "@/lib/format";

// The release form for one company: the years still open (each with its last day to ask, shown before sending) and
// why the director asks; the action is bound to the company by the page.

export function JointLiabilityForm({ years, action }: { years: { year: number; deadlineOn: string }[]; action: (prev: ActionResult | null, fd: FormData) => Promise<ActionResult> }) {
  const t = useTranslations("ss_joint_release");
  const locale = useLocale();
  const labels = Object.fromEntries(years.map((y) => [String(y.year), t("yearOption", { year: y.year, date: formatDate(locale, y.deadlineOn) })]));
  return (
    <MeForm<JointLiabilityReleaseInput>
      ns="ss_joint_release"
      idPrefix="joint-release"
      resolver={zodResolver(jointLiabilityReleaseSchema) as unknown as Resolver<JointLiabilityReleaseInput>}
      defaults={{ years: [], motivation: "", evidence: [] }}
      fields={[
        { name: "years", kind: "checkboxes", options: years.map((y) => String(y.year)), optionLabels: labels },
        { name: "motivation", kind: "textarea" },
        { name: "evidence", kind: "file" },
      ]}
      action={action as never}
      review
      submitLabel={t("submit")}
    />
  );
}
