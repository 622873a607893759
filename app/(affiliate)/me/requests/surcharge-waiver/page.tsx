import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { RequestPage } from "@/components/me/request-page";
import { SurchargeWaiverForm } from "@/components/me/relief-forms";
import { callPeriodLabel } from "@/components/me/call-label";
import { RequestCallTable } from "@/components/me/request-call-table";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { getMyWaiverOptions } from "@/lib/dal/requests/get-my-waiver-options";
import { todayInBrussels } from "@/lib/clock";
import { charterDeadlines } from "@/lib/domain";
import { formatDate, formatMoney } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_waiver");
  return { title: t("title") };
}

export default async function SurchargeWaiverPage() {
  const viewer = await requireViewer("own-request:create", "/me/requests/surcharge-waiver");
  const today = todayInBrussels();
  const o = await orNotFound(getMyWaiverOptions(viewer));
  const t = await getTranslations("ss_waiver");
  const tc = await getTranslations("ss_calls");
  const locale = await getLocale();
  const eligible = o.calls.filter((c) => c.check.eligible);
  return (
    <RequestPage ns="ss_waiver" deadlineNote={t("deadline", { date: formatDate(locale, charterDeadlines({ filedOn: today }).decisionDueOn) })}>
      <RequestCallTable
        ns="ss_waiver"
        calls={o.calls}
        amounts={[
          { heading: "surcharges", cents: (c) => c.surchargeCents },
          { heading: "principalOutstanding", cents: (c) => c.principalOutstandingCents },
        ]}
        canAsk={(c) => (c.check.eligible ? t("yes") : c.check.refusals.map((r) => t(`callRefusals.${r}`)).join(" ; "))}
      />
      {eligible.length > 0 && (
        <Card title={t("requestTitle")}>
          <SurchargeWaiverForm calls={eligible.map((c) => ({ id: c.id, label: tc("surchargeLabel", { period: callPeriodLabel(tc, c), amount: formatMoney(locale, c.surchargeCents) }) }))} />
        </Card>
      )}
    </RequestPage>
  );
}
