import { getLocale, getTranslations } from "next-intl/server";
import { Card, ListTable } from "@/components/ui";
import { MandateDecision } from "@/components/backoffice/mandate-decision";
import type { StaffMandate } from "@/lib/dto/mandates";
import { formatDate, formatDateTime, formatIban, formatMoney } from "@/lib/format";

/** The dossier's direct-debit mandates: status, who decided and why, their collections; a requested one is
 *  confirmed or refused here. */
export async function DossierMandates({ mandates }: { mandates: StaffMandate[] }) {
  const t = await getTranslations("ddMandates");
  const tr = await getTranslations("ddRefusal");
  const tl = await getTranslations("ledger");
  const locale = await getLocale();
  return (
    <Card title={t("section")}>
      {mandates.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="space-y-4">
          {mandates.map((m) => (
            <li key={m.id} className="space-y-2 border-l-4 border-brand-100 pl-3" data-testid={`mandate-${m.reference}`}>
              <p className="font-medium">{t("mandateLine", { reference: m.reference, iban: formatIban(m.iban), status: t(`status.${m.status}`) })}</p>
              <p className="text-sm text-slate-700">{t("signedOn", { date: formatDate(locale, m.signedOn) })}</p>
              {m.decidedAt && <p>{t("decided", { status: m.status, name: m.decidedBy ?? "—", when: formatDateTime(locale, m.decidedAt) })}</p>}
              {m.refusalReason && <p>{t("refusedFor", { reason: tr(m.refusalReason) })}</p>}
              {m.refusalNote && <p className="whitespace-pre-line">{t("refusedNote", { note: m.refusalNote })}</p>}
              {m.collections.length > 0 && (
                <ListTable caption={t("collectionsCaption", { reference: m.reference })} columns={[{ label: t("collectOn") }, { label: t("total"), align: "right" }, { label: t("outcome") }]}>
                  {m.collections.map((c) => (
                    <tr key={c.id} className="border-b border-slate-100">
                      <td className="py-2 pr-3">{formatDate(locale, c.collectOn)}</td>
                      <td className="py-2 pr-3 text-right font-mono">{formatMoney(locale, c.amountCents)}</td>
                      <td className="py-2">
                        {c.status === "REJECTED" ? t("rejectedFor", { returned: tl("payment.returned", { reason: c.rejectedReason ?? "" }) }) : t(`collectionStatus.${c.status}`)}
                      </td>
                    </tr>
                  ))}
                </ListTable>
              )}
              <MandateDecision key={m.id} mandateId={m.id} reference={m.reference} pending={m.status === "PENDING"} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
