import { getLocale, getTranslations } from "next-intl/server";
import { ListTable } from "@/components/ui";
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
      <div className="mt-3" data-testid="joint-years">
        <ListTable caption={t("yearsCaption", { name: company.name })} columns={[{ label: t("year") }, { label: t("deadlineOn") }, { label: t("state") }]}>
          {company.years.map((y) => (
            <tr key={y.year} className="border-b border-slate-100">
              <td className="py-2 pr-3">{y.year}</td>
              <td className="py-2 pr-3">{formatDate(locale, y.deadlineOn)}</td>
              <td className="py-2">{t(`yearState.${!y.inMandate ? "notInMandate" : y.alreadyAsked ? "alreadyAsked" : !y.inTime ? "late" : "open"}`)}</td>
            </tr>
          ))}
        </ListTable>
      </div>
    </>
  );
}
