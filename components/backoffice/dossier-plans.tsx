import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { type DossierPlan } from "@/lib/dto/dossiers";
import { formatDate, formatMoney } from "@/lib/format";

/** The dossier's payment plans: status in words, debt and what is paid, and each instalment (paid, late, to come). */
export async function DossierPlans({ plans }: { plans: DossierPlan[] }) {
  const t = await getTranslations("bo_plans");
  const locale = await getLocale();
  return (
    <Card title={t("title")}>
      {plans.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="space-y-4">
          {plans.map((p) => (
            <section key={p.id} aria-label={t("plan", { reference: p.reference ?? "—" })}>
              <p className="font-medium" data-testid={`plan-${p.id}`}>
                {p.requestId ? <Link href={`/staff/requests/${p.requestId}`}>{t("plan", { reference: p.reference ?? "—" })}</Link> : t("plan", { reference: "—" })}
                {" — "}
                {t(`status.${p.status}`, { brokenOn: p.brokenOn ? formatDate(locale, p.brokenOn) : "" })}
              </p>
              <p>{t("summary", { startOn: formatDate(locale, p.startOn), debt: formatMoney(locale, p.debtCents), paid: formatMoney(locale, p.paidCents) })}</p>
              <table className="mt-2 w-full text-left text-sm">
                <caption className="sr-only">{t("instalments", { reference: p.reference ?? "—" })}</caption>
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="py-1 pr-3">{t("what")}</th>
                    <th scope="col" className="py-1 pr-3">{t("dueOn")}</th>
                    <th scope="col" className="py-1 pr-3 text-right">{t("amount")}</th>
                    <th scope="col" className="py-1">{t("state")}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.instalments.map((i) => (
                    <tr key={i.seq} className="border-b border-slate-100">
                      <td className="py-1 pr-3">{i.seq === 0 ? t("advance") : t("instalment", { n: i.seq })}</td>
                      <td className="py-1 pr-3">{formatDate(locale, i.dueOn)}</td>
                      <td className="whitespace-nowrap py-1 pr-3 text-right">{formatMoney(locale, i.amountCents)}</td>
                      <td className="py-1">
                        {t(`states.${i.state}`, { paid: formatMoney(locale, i.paidCents) })}
                        {i.remindedOn && ` · ${t("reminded", { on: formatDate(locale, i.remindedOn) })}`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </div>
      )}
    </Card>
  );
}
