import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { MandateForm } from "@/components/me/mandate-form";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { getMyPaymentInstructions } from "@/lib/dal/account/get-my-payment-instructions";
import { epcPayload, epcQrSvg } from "@/lib/formats/epc-qr";
import { formatIban } from "@/lib/domain";
import { formatDate, formatMoney, formatStructuredCommunication } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_pay");
  return { title: t("title") };
}

export default async function PayPage() {
  const viewer = await requireViewer("own-dossier:read", "/me/pay");
  const data = await orNotFound(getMyPaymentInstructions(viewer));
  const t = await getTranslations("ss_pay");
  const tk = await getTranslations("callKind");
  const tm = await getTranslations("ss_mandate");
  const locale = await getLocale();
  const beneficiary = data.fund.name;
  const items = await Promise.all(
    data.calls.map(async (c) => {
      const transfer = { beneficiaryName: beneficiary, bic: data.fund.bic, iban: data.fund.iban, amountCents: c.outstandingCents, structuredCommunication: c.structuredCommunication };
      return { ...c, payload: epcPayload(transfer), svg: await epcQrSvg(transfer) };
    }),
  );
  const openMandate = data.mandates.find((m) => m.status === "PENDING" || m.status === "ACTIVE");
  return (
    <div className="space-y-6">
      <p>
        <Link href="/me">{t("back")}</Link>
      </p>
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      {items.length === 0 && <p role="status">{t("nothingToPay")}</p>}
      {items.map((c) => {
        const period = c.quarter > 0 ? t("quarterLabel", { year: c.year, quarter: c.quarter }) : String(c.year);
        return (
          <Card key={c.id} title={t("callTitle", { kind: tk(c.kind), period })}>
            <div className="grid gap-4 md:grid-cols-[1fr_auto]">
              <dl className="grid gap-2 sm:grid-cols-2" data-testid={`transfer-${c.id}`}>
                <div>
                  <dt className="text-sm text-slate-700">{t("beneficiary")}</dt>
                  <dd>{beneficiary}</dd>
                </div>
                <div>
                  <dt className="text-sm text-slate-700">{t("iban")}</dt>
                  <dd className="font-mono" data-field="iban">{formatIban(data.fund.iban)}</dd>
                </div>
                <div>
                  <dt className="text-sm text-slate-700">{t("bic")}</dt>
                  <dd className="font-mono">{data.fund.bic}</dd>
                </div>
                <div>
                  <dt className="text-sm text-slate-700">{t("amount")}</dt>
                  <dd className="font-semibold" data-field="amount">{formatMoney(locale, c.outstandingCents)}</dd>
                </div>
                <div>
                  <dt className="text-sm text-slate-700">{t("communication")}</dt>
                  <dd className="font-mono" data-field="communication">{formatStructuredCommunication(c.structuredCommunication)}</dd>
                </div>
                <div>
                  <dt className="text-sm text-slate-700">{t("dueOn")}</dt>
                  <dd>{formatDate(locale, c.dueOn)}</dd>
                </div>
              </dl>
              <figure className="w-52">
                <div
                  role="img"
                  aria-label={t("qrAlt", { amount: formatMoney(locale, c.outstandingCents), communication: formatStructuredCommunication(c.structuredCommunication) })}
                  data-epc-payload={c.payload}
                  data-testid={`qr-${c.id}`}
                  className="bg-white [&_svg]:h-52 [&_svg]:w-52"
                  dangerouslySetInnerHTML={{ __html: c.svg }}
                />
                <figcaption className="text-sm text-slate-700">{t("qrCaption")}</figcaption>
              </figure>
            </div>
          </Card>
        );
      })}
      <Card title={tm("title")}>
        <p className="mb-3">{tm("intro", { creditorId: data.fund.creditorId })}</p>
        {data.mandates.length > 0 && (
          <ul className="mb-3 list-disc pl-5">
            {data.mandates.map((m) => (
              <li key={m.id}>
                {tm("existing", { reference: m.reference, iban: formatIban(m.iban) ?? m.iban, status: m.status, date: formatDate(locale, m.signedOn) })}
              </li>
            ))}
          </ul>
        )}
        {openMandate ? <p>{tm("alreadyOpen")}</p> : <MandateForm />}
      </Card>
    </div>
  );
}
