"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { Resolver } from "react-hook-form";
import { MeForm } from "./me-form";
import { contributionChangeSchema, type ContributionChangeInput } from "@/lib/schemas/me-requests";
import { requestContributionChangeAction } from "@/lib/actions/me-requests";

export function ContributionForm({ estimatedIncome }: { estimatedIncome: string }) {
  const t = useTranslations("ss_change");
  return (
    <MeForm<ContributionChangeInput>
      ns="ss_change"
      idPrefix="change"
      resolver={zodResolver(contributionChangeSchema) as unknown as Resolver<ContributionChangeInput>}
      defaults={{ estimatedIncome, justification: "", evidence: [] }}
      fields={[
        { name: "estimatedIncome", kind: "text", inputMode: "numeric" },
        { name: "justification", kind: "textarea" },
        { name: "evidence", kind: "file" },
      ]}
      action={requestContributionChangeAction as never}
      draftKey="ss-draft-change"
      review
      submitLabel={t("submit")}
    />
  );
}
