import { getLocale, getTranslations } from "next-intl/server";
import { formatDate } from "@/lib/format";
import { type JointLiabilityCompany } from "@/lib/dto/continued-insurance";

/** The company's contribution years as the director sees them before asking: the deadline of each (one year after its
 *  due date) and whether it can still be asked for — or why not. */
export async function JointLiabilityYears({ company }: { company: JointLiabilityCompany }) {
  const t = await getTranslations("ss_joint_release");
  const locale = await getLocale();
  const mandates = company.mandates.map((m) => t("mandate", { from: formatDate(locale, m.fromOn), to: m.toOn ? formatDate(locale, m.toOn) : "ongoing" })).join(" ; ");
  if (company.years.length === 0) return <p>{t("noYears")}</p>;
  return (
    <>
      <p>{t("mandates", { mandates })}</p>
      <table className="mt-3 w-full text-left" data-testid="joint-years">
        <caption className="sr-only">{t("yearsCaption", { name: company.name })}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pr-4">{t("year")}</th>
            <th scope="col" className="py-2 pr-4">{t("deadlineOn")}</th>
            <th scope="col" className="py-2">{t("state")}</th>
          </tr>
        </thead>
        <tbody>
          {company.years.map((y) => (
            <tr key={y.year} className="border-b border-slate-100">
              <td className="py-2 pr-4">{y.year}</td>
              <td className="py-2 pr-4">{formatDate(locale, y.deadlineOn)}</td>
              <td className="py-2">{t(`yearState.${!y.inMandate ? "notInMandate" : y.alreadyAsked ? "alreadyAsked" : !y.inTime ? "late" : "open"}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
