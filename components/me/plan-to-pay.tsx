import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { TransferCard } from "@/components/me/transfer-card";
import { type MyPaymentPlan, type PlanInstalmentView } from "@/lib/dto/account";
import { formatDate, formatMoney, formatStructuredCommunication } from "@/lib/format";

type Covered = { id: string; label: string; outstandingCents: number };

/** The payment plan in force where one pays: the next instalment first with its QR code, every instalment with its
 *  own communication (and QR code on demand), and the calls the plan covers — not to be paid separately. */
export async function PlanToPay({ fund, plan, covered }: { fund: { name: string; iban: string; bic: string }; plan: MyPaymentPlan; covered: Covered[] }) {
  const t = await getTranslations("ss_plan_pay");
  const locale = await getLocale();
  const label = (i: PlanInstalmentView) => (i.seq === 0 ? t("advance") : t("instalment", { n: i.seq, count: plan.instalments.filter((x) => x.seq > 0).length }));
  const others = plan.instalments.filter((i) => i.state !== "paid" && i.id !== plan.next?.id);
  return (
    <section aria-labelledby="plan-title" className="space-y-4">
      <h2 id="plan-title" className="text-xl font-semibold">{plan.reference ? t("titleWithReference", { reference: plan.reference }) : t("title")}</h2>
      <p>{t("summary", { debt: formatMoney(locale, plan.debtCents), left: formatMoney(locale, plan.leftCents), startOn: formatDate(locale, plan.startOn) })}</p>
      {plan.next ? (
        <TransferCard
          fund={fund}
          testId={`instalment-${plan.next.seq}`}
          transfer={{
            id: plan.next.id,
            title: t("nextTitle", { what: label(plan.next) }),
            amountCents: plan.next.leftCents,
            structuredCommunication: plan.next.structuredCommunication,
            dueOn: plan.next.dueOn,
            note: plan.next.state === "late" ? t("lateNote", { dueOn: formatDate(locale, plan.next.dueOn) }) : undefined,
          }}
        />
      ) : (
        <p role="status">{t("allPaid")}</p>
      )}
      <Card title={t("scheduleTitle")}>
        <table className="w-full text-left">
          <caption className="sr-only">{t("scheduleTitle")}</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-4">{t("what")}</th>
              <th scope="col" className="py-2 pr-4">{t("dueOn")}</th>
              <th scope="col" className="py-2 pr-4 text-right">{t("amount")}</th>
              <th scope="col" className="py-2 pr-4">{t("communication")}</th>
              <th scope="col" className="py-2">{t("state")}</th>
            </tr>
          </thead>
          <tbody>
            {plan.instalments.map((i) => (
              <tr key={i.id} className="border-b border-slate-100">
                <td className="py-2 pr-4">{label(i)}</td>
                <td className="py-2 pr-4">{formatDate(locale, i.dueOn)}</td>
                <td className="py-2 pr-4 text-right whitespace-nowrap">{formatMoney(locale, i.amountCents)}</td>
                <td className="py-2 pr-4 whitespace-nowrap font-mono">{formatStructuredCommunication(i.structuredCommunication)}</td>
                <td className="py-2">{t(`states.${i.state}`, { left: formatMoney(locale, i.leftCents) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      {others.length > 0 && (
        <details className="rounded border border-slate-200 bg-white p-4">
          <summary className="cursor-pointer font-medium">{t("otherQrCodes", { count: others.length })}</summary>
          <div className="mt-4 space-y-4">
            {others.map((i) => (
              <TransferCard
                key={i.id}
                fund={fund}
                testId={`instalment-${i.seq}`}
                transfer={{ id: i.id, title: label(i), amountCents: i.leftCents, structuredCommunication: i.structuredCommunication, dueOn: i.dueOn }}
              />
            ))}
          </div>
        </details>
      )}
      {covered.length > 0 && (
        <Card title={t("coveredTitle")}>
          <p className="mb-2">{t("coveredIntro")}</p>
          <ul className="list-disc pl-5">
            {covered.map((c) => (
              <li key={c.id}>{t("coveredLine", { label: c.label, amount: formatMoney(locale, c.outstandingCents) })}</li>
            ))}
          </ul>
        </Card>
      )}
    </section>
  );
}
