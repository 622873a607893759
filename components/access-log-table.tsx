import { getLocale, getTranslations } from "next-intl/server";
import { type DossierConsultation } from "@/lib/dto/account";
import { dateFormat } from "@/lib/format";

const itemKey = (action: string) => action.replace(/[.-](\w)/g, (_, c: string) => c.toUpperCase());

/** Who read what of a person's data, when and why: the affiliate's "who consulted my file" and the dossier's log. */
export async function AccessLogTable({ rows, caption }: { rows: DossierConsultation[]; caption: string }) {
  const t = await getTranslations("accessLog");
  const locale = await getLocale();
  const when = dateFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Brussels" });
  if (rows.length === 0) return <p>{t("none")}</p>;
  const what = (r: DossierConsultation) => t(`items.${itemKey(r.what)}`, { reference: r.details.reference ?? "", fileName: r.details.fileName ?? "" });
  const why = (r: DossierConsultation) => (r.reason && t.has(`reasons.${r.reason}`) ? t(`reasons.${r.reason}`) : t("otherReason"));
  return (
    <table className="w-full text-left">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-2 pr-4">{t("when")}</th>
          <th scope="col" className="py-2 pr-4">{t("who")}</th>
          <th scope="col" className="py-2 pr-4">{t("what")}</th>
          <th scope="col" className="py-2">{t("why")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i} className="border-b border-slate-100">
            <td className="py-2 pr-4">{when.format(new Date(r.at))}</td>
            <td className="py-2 pr-4">{r.staffName}</td>
            <td className="py-2 pr-4">{what(r)}</td>
            <td className="py-2">{why(r)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
