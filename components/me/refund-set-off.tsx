import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import type { RefundView } from "@/lib/dto/account";
import { formatDate, formatMoney } from "@/lib/format";

/** Each regularisation refund in words and euros: what it first settled of the overdue debts (set-off), line by
 *  line, then what was paid out or is still to be paid out. */
export async function RefundSetOff({ refunds }: { refunds: RefundView[] }) {
  if (refunds.length === 0) return null;
  const t = await getTranslations("ss_setoff");
  const tk = await getTranslations("callKind");
  const locale = await getLocale();
  const money = (cents: number) => formatMoney(locale, cents);
  const label = (l: RefundView["lines"][number]) => {
    if (!l.call) return t("otherLabel");
    const period = l.call.quarter > 0 ? t("quarter", { quarter: l.call.quarter, year: l.call.year }) : String(l.call.year);
    return l.surcharge ? t("surchargeLabel", { period }) : t("callLabel", { kind: tk(l.call.kind as "PROVISIONAL"), period });
  };
  return (
    <Card title={t("title")}>
      <div className="space-y-4">
        {refunds.map((r) => (
          <div key={`${r.year}-${r.bookedOn}`} data-testid={`refund-${r.year}`} className="space-y-2">
            <p className="font-medium">{t("refund", { year: r.year, amount: money(r.refundCents), date: formatDate(locale, r.bookedOn) })}</p>
            {r.setOffCents > 0 && (
              <>
                <p>{t("setOff", { amount: money(r.setOffCents) })}</p>
                <table className="w-full max-w-xl text-left text-sm">
                  <caption className="sr-only">{t("caption", { year: r.year })}</caption>
                  <thead>
                    <tr className="border-b border-slate-300">
                      <th scope="col" className="py-1 pr-4">{t("debt")}</th>
                      <th scope="col" className="py-1 text-right">{t("amount")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.lines.map((l, i) => (
                      <tr key={i} className="border-b border-slate-100">
                        <td className="py-1 pr-4">{l.call ? <Link href={`/me/calls/${l.call.id}`}>{label(l)}</Link> : label(l)}</td>
                        <td className="py-1 text-right">{money(l.amountCents)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
            {r.paidOutCents > 0 && r.paidOutOn && <p>{t("paidOut", { amount: money(r.paidOutCents), date: formatDate(locale, r.paidOutOn) })}</p>}
            {r.toPayOutCents > 0 ? <p>{t("toPayOut", { amount: money(r.toPayOutCents) })}</p> : r.paidOutCents === 0 && <p>{t("nothingLeft")}</p>}
          </div>
        ))}
      </div>
    </Card>
  );
}
