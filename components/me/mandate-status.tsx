import { getLocale, getTranslations } from "next-intl/server";
import type { MyMandate } from "@/lib/dto/mandates";
import { formatDate, formatDateTime, formatIban, formatMoney } from "@/lib/format";

/** The affiliate's mandates on the pay page: where each stands (waiting, confirmed, refused and why, stopped) and
 *  the collections their bank did not pay — due again, as their account shows. */
export async function MandateStatus({ mandates }: { mandates: MyMandate[] }) {
  if (mandates.length === 0) return null;
  const t = await getTranslations("ss_mandate");
  const tr = await getTranslations("ddRefusal");
  const tl = await getTranslations("ledger");
  const locale = await getLocale();
  return (
    <ul className="mb-3 list-disc space-y-2 pl-5" data-testid="mandates">
      {mandates.map((m) => (
        <li key={m.id}>
          <p>{t("existing", { reference: m.reference, iban: formatIban(m.iban), status: m.status, date: formatDate(locale, m.signedOn) })}</p>
          {m.status === "PENDING" && <p className="text-sm text-slate-700">{t("pendingNote")}</p>}
          {m.status === "ACTIVE" && m.decidedAt && <p>{t("activeSince", { when: formatDateTime(locale, m.decidedAt) })}</p>}
          {m.status === "REFUSED" && m.decidedAt && <p>{t("refusedBecause", { when: formatDateTime(locale, m.decidedAt), reason: tr(m.refusalReason ?? "other") })}</p>}
          {m.refusalNote && <p className="whitespace-pre-line">{t("refusalNote", { note: m.refusalNote })}</p>}
          {m.status === "REVOKED" && <p>{t("revoked")}</p>}
          {m.returns.length > 0 && (
            <div className="mt-2 overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="text-left font-medium">{t("returnsCaption")}</caption>
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="py-1 pr-3">{t("returnOn")}</th>
                    <th scope="col" className="py-1 pr-3 text-right">{t("returnAmount")}</th>
                    <th scope="col" className="py-1">{t("returnReason")}</th>
                  </tr>
                </thead>
                <tbody>
                  {m.returns.map((r, i) => (
                    <tr key={i} className="border-b border-slate-100">
                      <td className="py-1 pr-3">{formatDate(locale, r.collectOn)}</td>
                      <td className="py-1 pr-3 text-right font-mono">{formatMoney(locale, r.amountCents)}</td>
                      <td className="py-1">{tl("payment.returned", { reason: r.reason })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="mt-1 text-sm">{t("returnsIntro")}</p>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
