import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import type { BenefitOffer } from "@/lib/dto/benefits";
import { formatDate, formatMoney } from "@/lib/format";

/** The affiliate's bridging-right and caregiver claims: status, monthly amount, what was paid, next payment, interest. */
export async function MyBenefits({ benefits }: { benefits: BenefitOffer[] }) {
  const shown = benefits.filter((b) => b.type !== "MATERNITY_AID" || b.paidCents > 0 || b.interestPaidCents > 0 || b.status === "PAID");
  if (shown.length === 0) return null;
  const t = await getTranslations("bn_me");
  const tt = await getTranslations("bn_type");
  const ts = await getTranslations("bn_status");
  const locale = await getLocale();
  return (
    <Card title={t("title")}>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-3">{t("benefit")}</th>
              <th scope="col" className="py-2 pr-3">{t("status")}</th>
              <th scope="col" className="py-2 pr-3 text-right">{t("monthly")}</th>
              <th scope="col" className="py-2 pr-3 text-right">{t("paid")}</th>
              <th scope="col" className="py-2 pr-3">{t("next")}</th>
              <th scope="col" className="py-2 text-right">{t("interest")}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((b) => (
              <tr key={b.id} className="border-b border-slate-100">
                <th scope="row" className="py-2 pr-3 font-normal">
                  {tt(b.type)}
                  {b.requestReference && <span className="text-slate-700"> ({t("request", { reference: b.requestReference })})</span>}
                </th>
                <td className="py-2 pr-3">{ts(b.status as "PAID")}</td>
                <td className="py-2 pr-3 text-right">{b.monthlyAmountCents !== null ? formatMoney(locale, b.monthlyAmountCents) : t("none")}</td>
                <td className="py-2 pr-3 text-right">{formatMoney(locale, b.paidCents)}</td>
                <td className="py-2 pr-3">{b.nextPayment ? t("nextValue", { amount: formatMoney(locale, b.nextPayment.amountCents), date: formatDate(locale, b.nextPayment.dueOn) }) : t("none")}</td>
                <td className="py-2 text-right">{formatMoney(locale, b.interestPaidCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
