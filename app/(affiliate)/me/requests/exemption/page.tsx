import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { RequestPage } from "@/components/me/request-page";
import { ExemptionForm } from "@/components/me/relief-forms";
import { callPeriodLabel } from "@/components/me/call-label";
import { RequestCallTable } from "@/components/me/request-call-table";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { getMyExemptionOptions } from "@/lib/dal/requests/get-my-exemption-options";
import { todayInBrussels } from "@/lib/clock";
import { charterDeadlines } from "@/lib/domain";
import { formatDate, formatMoney } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_exemption");
  return { title: t("title") };
}

export default async function ExemptionPage() {
  const viewer = await requireViewer("own-request:create", "/me/requests/exemption");
  const today = todayInBrussels();
  const o = await orNotFound(getMyExemptionOptions(viewer, today));
  const t = await getTranslations("ss_exemption");
  const tc = await getTranslations("ss_calls");
  const locale = await getLocale();
  const eligible = o.calls.filter((c) => c.check.eligible);
  return (
    <RequestPage ns="ss_exemption" deadlineNote={t("deadline", { date: formatDate(locale, charterDeadlines({ filedOn: today }).decisionDueOn) })}>
      <Card title={t("conditionsTitle")}>
        <ul className="list-disc space-y-1 pl-5">
          <li>{t("conditions.who")}</li>
          <li>{t("conditions.window")}</li>
          <li>{t("conditions.effect")}</li>
        </ul>
      </Card>
      {o.refusals.length > 0 ? (
        <Card title={t("notEligibleTitle")}>
          <ul className="list-disc pl-5" data-testid="exemption-refusals">
            {o.refusals.map((r) => <li key={r}>{t(`refusals.${r}`)}</li>)}
          </ul>
        </Card>
      ) : (
        <>
          <RequestCallTable
            ns="ss_exemption"
            calls={o.calls}
            amounts={[{ heading: "outstanding", cents: (c) => c.principalOutstandingCents }]}
            canAsk={(c) =>
              c.check.eligible
                ? t("until", { date: formatDate(locale, c.check.windowEndsOn) })
                : c.check.refusals.map((r) => t(`callRefusals.${r}`, { date: formatDate(locale, c.check.windowEndsOn) })).join(" ; ")
            }
          />
          {eligible.length > 0 && (
            <Card title={t("requestTitle")}>
              <ExemptionForm calls={eligible.map((c) => ({ id: c.id, label: tc("label", { period: callPeriodLabel(tc, c), amount: formatMoney(locale, c.principalOutstandingCents) }) }))} />
            </Card>
          )}
        </>
      )}
    </RequestPage>
  );
}
