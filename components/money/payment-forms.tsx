"use client";
import { useState } from "react";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { matchPaymentAction, returnPaymentAction } from "@/lib/actions/money-payments";
import { paymentMatchSchema, paymentReturnSchema, type PaymentMatchInput, type PaymentReturnInput } from "@/lib/schemas/money-payments";
import { formatDate, formatMoney } from "@/lib/format";
import type { DossierOpenCalls } from "@/lib/dto/payments";

function Summary({ items, serverError }: { items: [string, string][]; serverError: string | null }) {
  const t = useTranslations("moPayments");
  if (items.length === 0 && !serverError) return null;
  return (
    <div role="alert" className="border-l-4 border-bad-700 bg-white p-2 text-bad-700">
      <p>{t("errorSummary")}</p>
      <ul className="list-disc pl-5">
        {items.map(([id, msg]) => (<li key={id}><a href={`#${id}`}>{t(`errors.${msg}` as never)}</a></li>))}
        {serverError && <li>{t(`errors.${serverError === "notFound" ? "notFound" : "invalid"}`)}</li>}
      </ul>
    </div>
  );
}

/** Match by hand: pick one open call of the dossiers found (radio), same zod schema as the server action. */
export function MatchForm({ paymentId, dossiers }: { paymentId: string; dossiers: DossierOpenCalls[] }) {
  const t = useTranslations("moPayments");
  const locale = useLocale();
  const [done, setDone] = useState<string | null>(null);
  const [serverError, setServerError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<PaymentMatchInput>({ resolver: zodResolver(paymentMatchSchema), defaultValues: { paymentId, callId: "" } });
  const firstCall = dossiers.flatMap((d) => d.calls)[0]?.id;
  const onSubmit = handleSubmit(async (data) => {
    setServerError(null);
    const r = await matchPaymentAction(data);
    if (r.ok) {
      // no refresh here: the payment has left the queue, so this page would now answer 404
      return setDone(t("matched", { allocated: formatMoney(locale, r.data.allocatedCents), unallocated: formatMoney(locale, r.data.unallocatedCents) }));
    }
    if (r.fieldErrors) for (const [n, m] of Object.entries(r.fieldErrors)) setError(n as keyof PaymentMatchInput, { message: m?.[0] ?? "invalid" });
    else setServerError(r.code);
  });
  if (done) return <p role="status" className="text-ok-700">{done} <Link href="/staff/payments">{t("back")}</Link></p>;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-3">
      <Summary items={errors.callId ? [[`call-${firstCall ?? "none"}`, errors.callId.message ?? "callRequired"]] : []} serverError={serverError} />
      <input type="hidden" {...register("paymentId")} />
      {dossiers.map((d) => (
        <div key={d.affiliateId} className="overflow-x-auto">
          {d.calls.length === 0 ? (
            <p>{t("callsCaption", { name: d.name, member: d.memberNumber })} — {t("noOpenCall")}</p>
          ) : (
            <table className="w-full text-left text-sm">
              <caption className="text-left font-medium">{t("callsCaption", { name: d.name, member: d.memberNumber })}</caption>
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="py-1 pr-3">{t("choose")}</th>
                  <th scope="col" className="py-1 pr-3">{t("call")}</th>
                  <th scope="col" className="py-1 pr-3">{t("dueOn")}</th>
                  <th scope="col" className="py-1 text-right">{t("openAmount")}</th>
                </tr>
              </thead>
              <tbody>
                {d.calls.map((c) => {
                  const name = t("callLabel", { kind: c.kind, year: c.year, quarter: c.quarter });
                  return (
                    <tr key={c.id} className="border-b border-slate-100">
                      <td className="py-1 pr-3">
                        <input type="radio" id={`call-${c.id}`} value={c.id} {...register("callId")} aria-describedby={errors.callId ? "match-error" : undefined} />
                        <label htmlFor={`call-${c.id}`} className="sr-only">{t("chooseCall", { call: name, name: d.name })}</label>
                      </td>
                      <th scope="row" className="py-1 pr-3 font-normal">{name}</th>
                      <td className="py-1 pr-3">{formatDate(locale, c.dueOn)}</td>
                      <td className="py-1 text-right font-mono">{formatMoney(locale, c.openCents)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </div>
      ))}
      {errors.callId && <p id="match-error" className="text-sm text-bad-700">{t(`errors.${errors.callId.message ?? "callRequired"}` as never)}</p>}
      {firstCall && <button type="submit" disabled={isSubmitting} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("match")}</button>}
    </form>
  );
}

/** Send back to the payer, with a reason (audited). */
export function ReturnForm({ paymentId }: { paymentId: string }) {
  const t = useTranslations("moPayments");
  const [done, setDone] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<PaymentReturnInput>({ resolver: zodResolver(paymentReturnSchema), defaultValues: { paymentId, reason: "" } });
  const onSubmit = handleSubmit(async (data) => {
    setServerError(null);
    const r = await returnPaymentAction(data);
    if (r.ok) return setDone(true);
    if (r.fieldErrors) for (const [n, m] of Object.entries(r.fieldErrors)) setError(n as keyof PaymentReturnInput, { message: m?.[0] ?? "invalid" });
    else setServerError(r.code);
  });
  if (done) return <p role="status" className="text-ok-700">{t("returned")} <Link href="/staff/payments">{t("back")}</Link></p>;
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-3">
      <Summary items={errors.reason ? [["return-reason", errors.reason.message ?? "reasonTooShort"]] : []} serverError={serverError} />
      <input type="hidden" {...register("paymentId")} />
      <div>
        <label htmlFor="return-reason" className="block font-medium">{t("reason")}</label>
        <textarea id="return-reason" rows={2} {...register("reason")} aria-invalid={!!errors.reason} aria-describedby={errors.reason ? "return-reason-error" : undefined} className="mt-1 w-full rounded border border-slate-500 px-2 py-1" />
        {errors.reason && <p id="return-reason-error" className="text-sm text-bad-700">{t(`errors.${errors.reason.message ?? "reasonTooShort"}` as never)}</p>}
      </div>
      <button type="submit" disabled={isSubmitting} className="rounded bg-bad-700 px-4 py-2 font-semibold text-white">{t("sendBack")}</button>
    </form>
  );
}
