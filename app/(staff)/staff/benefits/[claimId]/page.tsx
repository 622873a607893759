import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { ActionForm } from "@/components/backoffice/action-form";
import { ConditionList } from "@/components/benefits/condition-list";
import { requireViewer, orNotFound } from "@/lib/auth/session";
import { getClaimForStaff } from "@/lib/dal/benefits/get-claim-for-staff";
import { todayInBrussels } from "@/lib/clock";
import { formatDate, formatMoney } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("bn_claim");
  return { title: t("metaTitle") };
}

const PAYLOAD_FIELDS = ["case", "eventOn", "familyCharge", "interruption", "startOn", "months", "careFor", "motivation"] as const;

export default async function ClaimPage({ params }: { params: Promise<{ claimId: string }> }) {
  const { claimId } = await params;
  const viewer = await requireViewer("request:decide", `/staff/benefits/${claimId}`);
  const today = todayInBrussels();
  const c = await orNotFound(getClaimForStaff(viewer, claimId, today));
  const t = await getTranslations("bn_claim");
  const tt = await getTranslations("bn_type");
  const ts = await getTranslations("bn_status");
  const trs = await getTranslations("bo_status");
  const locale = await getLocale();
  const payload = c.request?.payload ?? {};
  const shown = PAYLOAD_FIELDS.filter((k) => payload[k] !== undefined && payload[k] !== null && payload[k] !== "");
  const value = (k: string, v: unknown): string => {
    if (typeof v === "boolean") return v ? t("yes") : t("no");
    if ((k === "eventOn" || k === "startOn") && typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(locale, v);
    if (k === "case" || k === "interruption") return t(`payloadValue.${String(v)}` as "yes");
    return String(v);
  };
  const missing = c.check?.missingFigures ?? [];
  return (
    <div className="space-y-6">
      <PageTitle>{t("title", { type: tt(c.type), name: c.dossierName })}</PageTitle>
      <p>
        <Link href="/staff/benefits">{t("back")}</Link> · <Link href={`/staff/dossiers/${c.affiliateId}`}>{t("dossier", { memberNumber: c.memberNumber })}</Link>
      </p>
      <Card title={t("summary")}>
        <dl className="grid gap-3 sm:grid-cols-3">
          <div><dt className="text-sm text-slate-700">{t("status")}</dt><dd className="font-medium">{ts(c.status as "PAID")}</dd></div>
          <div><dt className="text-sm text-slate-700">{t("filedOn")}</dt><dd className="font-medium">{c.filedOn ? formatDate(locale, c.filedOn) : "—"}</dd></div>
          <div><dt className="text-sm text-slate-700">{t("paymentDueOn")}</dt><dd className="font-medium">{c.paymentDueOn ? formatDate(locale, c.paymentDueOn) : t("notYet")}</dd></div>
          {c.monthlyAmountCents !== null && <div><dt className="text-sm text-slate-700">{t("monthly")}</dt><dd className="font-medium">{formatMoney(locale, c.monthlyAmountCents)}</dd></div>}
          {c.grant && <div><dt className="text-sm text-slate-700">{t("months")}</dt><dd className="font-medium">{c.grant.months}</dd></div>}
          {c.entitlementCents !== null && <div><dt className="text-sm text-slate-700">{t("entitlement")}</dt><dd className="font-medium">{formatMoney(locale, c.entitlementCents)}</dd></div>}
          {c.type !== "MATERNITY_AID" && <div><dt className="text-sm text-slate-700">{t("paid")}</dt><dd className="font-medium">{formatMoney(locale, c.paidCents)}</dd></div>}
          <div><dt className="text-sm text-slate-700">{t("interestPaid")}</dt><dd className="font-medium">{formatMoney(locale, c.interestCents)}</dd></div>
          {c.type === "MATERNITY_AID" && <div><dt className="text-sm text-slate-700">{t("vouchers")}</dt><dd className="font-medium">{c.vouchers ?? t("figureMissingShort")}</dd></div>}
          {c.nextInstalmentDueOn && <div><dt className="text-sm text-slate-700">{t("nextDue")}</dt><dd className="font-medium">{formatDate(locale, c.nextInstalmentDueOn)}</dd></div>}
        </dl>
        {c.grantedAutomatically && <p className="mt-3">{t("automatic")}</p>}
      </Card>
      {c.request && (
        <Card title={t("request", { reference: c.request.reference })}>
          <p>
            {t("requestStatus", { status: trs(c.request.status as "OPEN") })} · {t("requestFiled", { date: formatDate(locale, c.request.filedOn) })}
            {c.request.decisionDueOn && <> · {t("decisionDue", { date: formatDate(locale, c.request.decisionDueOn) })}</>}
          </p>
          <p className="mt-2"><Link href={`/staff/requests/${c.request.id}`}>{t("openRequest", { reference: c.request.reference })}</Link></p>
          {shown.length > 0 && (
            <dl className="mt-3 grid gap-2 sm:grid-cols-2">
              {shown.map((k) => (
                <div key={k}><dt className="text-sm text-slate-700">{t(`payload.${k}`)}</dt><dd className="font-medium break-words">{value(k, payload[k])}</dd></div>
              ))}
            </dl>
          )}
          <h3 className="mt-4 font-semibold text-brand-900">{t("evidence")}</h3>
          {c.evidence.length === 0 ? (
            <p>{t("noEvidence")}</p>
          ) : (
            <ul className="list-disc pl-5">
              {c.evidence.map((d) => <li key={d.id}><a href={`/api/evidence/${d.id}`}>{d.fileName}</a></li>)}
            </ul>
          )}
        </Card>
      )}
      {c.check && (
        <Card title={t("conditions")}>
          <p className="mb-3">{c.check.eligible ? t("eligible", { months: c.check.months }) : t("notEligible")}</p>
          <ConditionList conditions={c.check.conditions} />
          <h3 className="mt-4 font-semibold text-brand-900">{t("decision")}</h3>
          {missing.length > 0 && (
            <div role="alert" className="my-2 border-l-4 border-bad-700 bg-white p-2 text-bad-700">
              <p>{t("figureMissing", { year: c.parameterYear })}</p>
              <ul className="list-disc pl-5">{missing.map((k) => <li key={k} className="font-mono">{k}</li>)}</ul>
            </div>
          )}
          {c.check.monthlyAmountCents !== null && c.check.eligible && (
            <p>{t("grantPreview", { months: c.check.months, amount: formatMoney(locale, c.check.monthlyAmountCents), total: formatMoney(locale, c.check.months * c.check.monthlyAmountCents) })}</p>
          )}
          {c.canGrant && (
            <ActionForm kind="grant" id="grant" fields={[{ name: "claimId", type: "hidden", value: c.id }]} submit={t("grant")} messages={{ granted: t("granted") }} />
          )}
          {c.request && <p className="mt-3"><Link href={`/staff/requests/${c.request.id}`}>{t("refuseLink", { reference: c.request.reference })}</Link></p>}
        </Card>
      )}
      {(c.status === "GRANTED" || c.status === "PAID") && (
        <Card title={t("payments")}>
          {c.payments.length === 0 ? (
            <p>{t("noPayments")}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("payments")}</caption>
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="py-2 pr-3">{t("paidOn")}</th>
                    <th scope="col" className="py-2 pr-3">{t("instalmentDue")}</th>
                    <th scope="col" className="py-2 pr-3 text-right">{t("amount")}</th>
                    <th scope="col" className="py-2 pr-3 text-right">{t("interest")}</th>
                    <th scope="col" className="py-2">{t("healthInsurer")}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.payments.map((p) => (
                    <tr key={p.id} className="border-b border-slate-100 align-top">
                      <th scope="row" className="py-2 pr-3 font-normal">{formatDate(locale, p.paidOn)}</th>
                      <td className="py-2 pr-3">{p.dueOn ? formatDate(locale, p.dueOn) : "—"}</td>
                      <td className="py-2 pr-3 text-right">{formatMoney(locale, p.amountCents)}</td>
                      <td className="py-2 pr-3 text-right">{formatMoney(locale, p.interestCents)}</td>
                      <td className="py-2">
                        {p.sentToHealthInsurerAt ? (
                          t("sentOn", { date: formatDate(locale, todayInBrussels(new Date(p.sentToHealthInsurerAt), "")) })
                        ) : (
                          <ActionForm kind="sent" id={`sent-${p.id}`} compact fields={[{ name: "paymentId", type: "hidden", value: p.id }]} submit={t("markSent", { date: formatDate(locale, p.paidOn) })} messages={{ sent: t("sentDone") }} />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {c.canPay && (
            <div className="mt-4">
              <ActionForm
                kind="payment"
                id="payment"
                title={c.type === "MATERNITY_AID" ? t("recordVouchers") : t("recordPayment")}
                fields={[
                  { name: "claimId", type: "hidden", value: c.id },
                  { name: "recorded", type: "hidden", value: String(c.payments.length) },
                  { name: "amount", type: "text", inputMode: "decimal", label: t("amountLabel"), hint: c.type === "MATERNITY_AID" ? t("amountHintVouchers") : t("amountHint"), value: c.type === "MATERNITY_AID" ? "0" : c.monthlyAmountCents !== null ? (c.monthlyAmountCents / 100).toFixed(2).replace(".", ",") : "" },
                  { name: "paidOn", type: "date", label: t("paidOnLabel"), hint: t("paidOnHint"), value: today },
                ]}
                submit={t("record")}
                messages={{ paymentRecorded: t("paymentRecorded"), paymentWithInterest: t("paymentWithInterest") }}
              />
            </div>
          )}
        </Card>
      )}
    </div>
  );
}
