import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { type MyPaymentPlan } from "@/lib/dto/account";
import { formatDate, formatMoney } from "@/lib/format";

/** On the affiliate's home: the plan in force and its next instalment (never "nothing to pay" while one is due). */
export async function PlanSummary({ plan }: { plan: MyPaymentPlan }) {
  const t = await getTranslations("ss_plan_pay");
  const locale = await getLocale();
  const next = plan.next;
  return (
    <Card title={t("title")}>
      <p data-testid="plan-next">
        {next
          ? t(next.state === "late" ? "homeLate" : "homeNext", { amount: formatMoney(locale, next.leftCents), dueOn: formatDate(locale, next.dueOn), left: formatMoney(locale, plan.leftCents) })
          : t("allPaid")}
      </p>
      {next && (
        <p className="mt-2">
          <Link href="/me/pay" className="font-medium">{t("homeLink")}</Link>
        </p>
      )}
    </Card>
  );
}
