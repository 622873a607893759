"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { Resolver } from "react-hook-form";
import { MeForm } from "./me-form";
import { questionRequestSchema, type QuestionRequestInput } from "@/lib/schemas/me-requests";
import { askAdvisorAction } from "@/lib/actions/me-requests";

export function QuestionForm() {
  const t = useTranslations("ss_question");
  return (
    <MeForm<QuestionRequestInput>
      ns="ss_question"
      idPrefix="question"
      resolver={zodResolver(questionRequestSchema) as unknown as Resolver<QuestionRequestInput>}
      defaults={{ kind: "QUESTION", subject: "", body: "", evidence: [] }}
      fields={[
        { name: "kind", kind: "select", options: ["QUESTION", "COMPLAINT"] },
        { name: "subject", kind: "text" },
        { name: "body", kind: "textarea" },
        { name: "evidence", kind: "file" },
      ]}
      action={askAdvisorAction as never}
      draftKey="ss-draft-question"
      review
      submitLabel={t("submit")}
    />
  );
}
