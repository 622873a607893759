import { getLocale, getTranslations } from "next-intl/server";
import { ledgerReason } from "@/components/explanation";
import type { LedgerLine } from "@/lib/dto/account";
import { formatDate, formatMoney } from "@/lib/format";

/**
 * Ledger movements (date, kind — reason, amount) explained in the reader's language: the affiliate's call page and the
 * advisor's dossier show the same lines the same way. Column headings come from the `call` namespace.
 */
export async function LedgerTable({ lines, caption }: { lines: LedgerLine[]; caption: string }) {
  const t = await getTranslations("call");
  const tl = await getTranslations("ledgerKind");
  const locale = await getLocale();
  const reasons = await Promise.all(lines.map((e) => ledgerReason(e.reasonCode, e.reasonParams)));
  return (
    <table className="w-full text-left">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-2 pr-4">{t("date")}</th>
          <th scope="col" className="py-2 pr-4">{t("movement")}</th>
          <th scope="col" className="py-2 text-right">{t("amount")}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((e, i) => (
          <tr key={e.id} className="border-b border-slate-100">
            <td className="py-2 pr-4">{formatDate(locale, e.valueOn ?? e.bookedOn)}</td>
            <td className="py-2 pr-4">{tl(e.kind)} — {reasons[i]}</td>
            <td className="py-2 text-right font-mono">{formatMoney(locale, e.amountCents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
