"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import type { Resolver } from "react-hook-form";
import { MeForm } from "@/components/me/me-form";
import type { ActionResult } from "@/lib/actions/result";
import { answerSchema, replySchema, type ReplyInput } from "@/lib/schemas/me-requests";

/**
 * A message in a request's conversation, with attachments (checked like evidence): the advisor's answer
 * ("answer": text required) or the affiliate's reply ("reply": text and/or files). The action is bound to its
 * request by the page; it ends on the request page. Labels under `${ns}.fields` / `${ns}.hints`.
 */
export function ConversationForm({
  mode,
  ns,
  idPrefix,
  action,
  submitLabel,
}: {
  mode: "answer" | "reply";
  ns: string;
  idPrefix: string;
  action: (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  submitLabel: string;
}) {
  const schema = mode === "answer" ? answerSchema : replySchema;
  return (
    <MeForm<ReplyInput>
      ns={ns}
      idPrefix={idPrefix}
      resolver={zodResolver(schema) as unknown as Resolver<ReplyInput>}
      defaults={{ body: "", evidence: [] }}
      fields={[
        { name: "body", kind: "textarea" },
        { name: "evidence", kind: "file" },
      ]}
      action={action as never}
      submitLabel={submitLabel}
    />
  );
}
