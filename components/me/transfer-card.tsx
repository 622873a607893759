import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { epcPayload, epcQrSvg } from "@/lib/formats/epc-qr";
import { formatIban } from "@/lib/domain";
import { formatDate, formatMoney, formatStructuredCommunication } from "@/lib/format";

export type Transfer = { id: string; title: string; amountCents: number; structuredCommunication: string; dueOn: string; note?: string };

/** One transfer to make: the fund's account, the amount, its own structured communication, the due date and the EPC QR code. */
export async function TransferCard({ fund, transfer, testId }: { fund: { name: string; iban: string; bic: string }; transfer: Transfer; testId: string }) {
  const t = await getTranslations("ss_pay");
  const locale = await getLocale();
  const epc = { beneficiaryName: fund.name, bic: fund.bic, iban: fund.iban, amountCents: transfer.amountCents, structuredCommunication: transfer.structuredCommunication };
  const svg = await epcQrSvg(epc);
  const amount = formatMoney(locale, transfer.amountCents);
  const communication = formatStructuredCommunication(transfer.structuredCommunication);
  return (
    <Card title={transfer.title}>
      {transfer.note && <p className="mb-3">{transfer.note}</p>}
      <div className="grid gap-4 md:grid-cols-[1fr_auto]">
        <dl className="grid gap-2 sm:grid-cols-2" data-testid={`transfer-${testId}`}>
          <div>
            <dt className="text-sm text-slate-700">{t("beneficiary")}</dt>
            <dd>{fund.name}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{t("iban")}</dt>
            <dd className="font-mono" data-field="iban">{formatIban(fund.iban)}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{t("bic")}</dt>
            <dd className="font-mono">{fund.bic}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{t("amount")}</dt>
            <dd className="font-semibold" data-field="amount">{amount}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{t("communication")}</dt>
            <dd className="whitespace-nowrap font-mono" data-field="communication">{communication}</dd>
          </div>
          <div>
            <dt className="text-sm text-slate-700">{t("dueOn")}</dt>
            <dd>{formatDate(locale, transfer.dueOn)}</dd>
          </div>
        </dl>
        <figure className="w-52">
          <div
            role="img"
            aria-label={t("qrAlt", { amount, communication })}
            data-epc-payload={epcPayload(epc)}
            data-testid={`qr-${testId}`}
            className="bg-white [&_svg]:h-52 [&_svg]:w-52"
            dangerouslySetInnerHTML={{ __html: svg }}
          />
          <figcaption className="text-sm text-slate-700">{t("qrCaption")}</figcaption>
        </figure>
      </div>
    </Card>
  );
}
