"use client";
import { useActionState, useTransition } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/result";
import {
  approveRequestAction,
  addNoteAction,
  approveWriteOffAction,
  assignDossierAdvisorAction,
  assignRequestAction,
  decideRequestAction,
  proposeWriteOffAction,
  recordRecoveryStepAction,
  recordBirthAction,
  forwardInastiAction,
  forwardQuestionAction,
  recordInastiDecisionAction,
  welcomeAffiliateAction,
  grantClaimAction,
  recordBenefitPaymentAction,
  markSentToHealthInsurerAction,
} from "@/lib/actions/backoffice-actions";
import {
  approvalSchema,
  assignSchema,
  birthSchema,
  decisionSchema,
  dossierAdvisorSchema,
  forwardInastiSchema,
  forwardQuestionSchema,
  inastiDecisionSchema,
  noteSchema,
  recoveryStepSchema,
  welcomeSchema,
  writeOffSchema,
} from "@/lib/schemas/backoffice-forms";
import { benefitPaymentSchema, grantSchema, sentToHealthInsurerSchema } from "@/lib/schemas/benefits";
import { benefitDecisionSchema } from "@/lib/schemas/benefit-decision";
import { decideBenefitRequestAction } from "@/lib/actions/benefit-decision";

// One form pattern for the back office: react-hook-form with the same zod schema as the server action, an error
// summary at the top (role="alert", links to the fields), per-field errors, values kept, method="post".
// Error codes are message keys under bo_errors, or under bn_errors for the benefit-handling forms.
const FORMS = {
  decision: { schema: decisionSchema, action: decideRequestAction },
  benefitDecision: { schema: benefitDecisionSchema, action: decideBenefitRequestAction },
  approval: { schema: approvalSchema, action: approveRequestAction },
  assign: { schema: assignSchema, action: assignRequestAction },
  dossierAdvisor: { schema: dossierAdvisorSchema, action: assignDossierAdvisorAction },
  note: { schema: noteSchema, action: addNoteAction },
  birth: { schema: birthSchema, action: recordBirthAction },
  recoveryStep: { schema: recoveryStepSchema, action: recordRecoveryStepAction },
  proposeWriteOff: { schema: writeOffSchema, action: proposeWriteOffAction },
  approveWriteOff: { schema: writeOffSchema, action: approveWriteOffAction },
  forwardInasti: { schema: forwardInastiSchema, action: forwardInastiAction },
  forwardQuestion: { schema: forwardQuestionSchema, action: forwardQuestionAction },
  inastiDecision: { schema: inastiDecisionSchema, action: recordInastiDecisionAction },
  welcome: { schema: welcomeSchema, action: welcomeAffiliateAction },
  grant: { schema: grantSchema, action: grantClaimAction, errors: "bn_errors" },
  payment: { schema: benefitPaymentSchema, action: recordBenefitPaymentAction, errors: "bn_errors" },
  sent: { schema: sentToHealthInsurerSchema, action: markSentToHealthInsurerAction, errors: "bn_errors" },
} as const;

export type FormKind = keyof typeof FORMS;

export type Field =
  | { name: string; type: "hidden"; value: string }
  | { name: string; type: "text" | "textarea" | "date"; label: string; hint?: string; value?: string; inputMode?: "decimal" }
  | { name: string; type: "select"; label: string; options: { value: string; label: string }[]; value?: string }
  /** ticked, the field is "yes" */
  | { name: string; type: "checkbox"; label: string; hint?: string; value?: "" | "yes" };

export function ActionForm({
  kind,
  id,
  title,
  fields,
  submit,
  submitValue,
  messages,
  compact = false,
}: {
  kind: FormKind;
  id: string;
  title?: string;
  fields: Field[];
  submit: string;
  /** a second submit button with its value for the same field (e.g. approve / reject) */
  submitValue?: { name: string; buttons: { value: string; label: string }[] };
  messages: Record<string, string>;
  compact?: boolean;
}) {
  const tBo = useTranslations("bo_errors");
  const tBn = useTranslations("bn_errors");
  const form = FORMS[kind];
  const { schema, action } = form;
  const t = "errors" in form && form.errors === "bn_errors" ? tBn : tBo;
  const [state, formAction, pending] = useActionState<ActionResult<string | undefined> | null, FormData>(action, null);
  const [, startTransition] = useTransition();
  const defaults = Object.fromEntries(fields.map((f) => [f.name, "value" in f ? (f.value ?? "") : ""]));
  const {
    register,
    handleSubmit,
    setValue,
    formState: { errors },
  } = useForm<Record<string, string>>({ resolver: zodResolver(schema as never) as unknown as Resolver<Record<string, string>>, defaultValues: defaults });

  const serverErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const fieldError = (name: string): string | undefined => {
    const m = (errors[name]?.message as string | undefined) ?? serverErrors[name]?.[0];
    return m ? t(m as "validation") : undefined;
  };
  const summary = fields.map((f) => ({ name: f.name, error: fieldError(f.name) })).filter((e) => e.error);
  const formError = state && !state.ok && state.code !== "validation" ? t(state.code as "validation") : null;

  const onValid = (values: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(values)) data.set(k, v ?? "");
    startTransition(() => formAction(data));
  };

  return (
    <form method="post" noValidate onSubmit={handleSubmit(onValid)} aria-labelledby={title ? `${id}-title` : undefined} className={compact ? "flex flex-wrap items-end gap-2" : "space-y-3"}>
      {title && <h3 id={`${id}-title`} className="font-semibold text-brand-900">{title}</h3>}
      {(summary.length > 0 || formError) && (
        <div role="alert" className="w-full border-l-4 border-bad-700 bg-bad-50 p-2 text-bad-700">
          {formError && <p>{formError}</p>}
          {summary.length > 0 && (
            <ul className="list-disc pl-5">
              {summary.map((e) => (
                <li key={e.name}><a href={`#${id}-${e.name}`} className="text-bad-700 underline">{e.error}</a></li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state?.ok && state.data && messages[state.data] && <p role="status" className="w-full text-ok-700">{messages[state.data]}</p>}
      {fields.map((f) => {
        if (f.type === "hidden") return <input key={f.name} type="hidden" {...register(f.name)} />;
        const err = fieldError(f.name);
        const describedBy = [err ? `${id}-${f.name}-error` : null, f.type !== "select" && f.hint ? `${id}-${f.name}-hint` : null].filter(Boolean).join(" ") || undefined;
        const common = {
          id: `${id}-${f.name}`,
          "aria-invalid": err ? true : undefined,
          "aria-describedby": describedBy,
          className: "mt-1 w-full rounded border border-slate-500 px-2 py-1",
          ...register(f.name),
        };
        if (f.type === "checkbox")
          return (
            <div key={f.name} className={compact ? "" : "max-w-xl"}>
              <div className="flex items-start gap-2">
                <input type="checkbox" value="yes" {...common} className="mt-1 h-5 w-5 shrink-0" />
                <label htmlFor={`${id}-${f.name}`} className="font-medium">{f.label}</label>
              </div>
              {f.hint && <p id={`${id}-${f.name}-hint`} className="text-sm text-slate-700">{f.hint}</p>}
              {err && <p id={`${id}-${f.name}-error`} className="text-sm text-bad-700">{err}</p>}
            </div>
          );
        return (
          <div key={f.name} className={compact ? "" : "max-w-xl"}>
            <label htmlFor={`${id}-${f.name}`} className="block font-medium">{f.label}</label>
            {f.type !== "select" && f.hint && <p id={`${id}-${f.name}-hint`} className="text-sm text-slate-700">{f.hint}</p>}
            {f.type === "select" ? (
              <select {...common}>
                {f.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            ) : f.type === "textarea" ? (
              <textarea rows={3} {...common} />
            ) : (
              <input type={f.type === "date" ? "date" : "text"} inputMode={f.type === "text" ? f.inputMode : undefined} {...common} />
            )}
            {err && <p id={`${id}-${f.name}-error`} className="text-sm text-bad-700">{err}</p>}
          </div>
        );
      })}
      {submitValue ? (
        <div className="flex flex-wrap gap-2">
          {submitValue.buttons.map((b) => (
            <button key={b.value} type="submit" disabled={pending} onClick={() => setValue(submitValue.name, b.value)} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
              {b.label}
            </button>
          ))}
        </div>
      ) : (
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">{submit}</button>
      )}
    </form>
  );
}
