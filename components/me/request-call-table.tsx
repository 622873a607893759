import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { callPeriodLabel } from "@/components/me/call-label";
import { formatMoney } from "@/lib/format";

type CallRow = { id: string; kind: string; year: number; quarter: number };

// The card every relief request page (exemption, surcharge waiver) shows first: the calls the request could be about,
// their amounts and whether the affiliate can ask for each. Texts come from the page's own namespace: `${ns}.callsTitle`,
// `${ns}.noCalls`, `${ns}.period`, `${ns}.canAsk` and one heading key per amount column.
export async function RequestCallTable<C extends CallRow>({
  ns,
  calls,
  amounts,
  canAsk,
}: {
  ns: string;
  calls: C[];
  amounts: { heading: string; cents: (call: C) => number }[];
  canAsk: (call: C) => string;
}) {
  const t = await getTranslations(ns);
  const tc = await getTranslations("ss_calls");
  const locale = await getLocale();
  return (
    <Card title={t("callsTitle")}>
      {calls.length === 0 ? (
        <p>{t("noCalls")}</p>
      ) : (
        <table className="w-full text-left">
          <caption className="sr-only">{t("callsTitle")}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-1 pr-4">{t("period")}</th>
              {amounts.map((a) => <th key={a.heading} scope="col" className="py-1 pr-4 text-right">{t(a.heading)}</th>)}
              <th scope="col" className="py-1">{t("canAsk")}</th>
            </tr>
          </thead>
          <tbody>
            {calls.map((c) => (
              <tr key={c.id} className="border-b border-slate-100">
                <th scope="row" className="py-1 pr-4 font-normal">{callPeriodLabel(tc, c)}</th>
                {amounts.map((a) => <td key={a.heading} className="py-1 pr-4 text-right font-mono">{formatMoney(locale, a.cents(c))}</td>)}
                <td className="py-1">{canAsk(c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
