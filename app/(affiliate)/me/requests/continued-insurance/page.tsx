import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { RequestPage } from "@/components/me/request-page";
import { ContinuedInsuranceForm } from "@/components/me/continued-insurance-form";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { getMyContinuedInsuranceOptions } from "@/lib/dal/requests/get-my-continued-insurance-options";
import { todayInBrussels } from "@/lib/clock";
import { charterDeadlines } from "@/lib/domain";
import { formatDate } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_continued");
  return { title: t("title") };
}

export default async function ContinuedInsurancePage() {
  const viewer = await requireViewer("own-request:create", "/me/requests/continued-insurance");
  const today = todayInBrussels();
  const o = await orNotFound(getMyContinuedInsuranceOptions(viewer, today));
  const t = await getTranslations("ss_continued");
  const locale = await getLocale();
  return (
    <RequestPage ns="ss_continued" deadlineNote={t("deadline", { date: formatDate(locale, charterDeadlines({ filedOn: today }).decisionDueOn) })}>
      <Card title={t("conditionsTitle")}>
        <ul className="list-disc space-y-1 pl-5">
          <li>{t("conditions.who")}</li>
          <li>{t("conditions.contributions")}</li>
          <li>{t("conditions.when")}</li>
          <li>{t("conditions.period")}</li>
          <li>{t("conditions.amount")}</li>
        </ul>
      </Card>
      {o.kind === "pending" && (
        <Card title={t("pendingTitle")}>
          <p>{t.rich("pending", { reference: o.reference, link: (chunks) => <Link href={`/me/requests/${o.reference}`}>{chunks}</Link> })}</p>
        </Card>
      )}
      {o.kind === "no-affiliation" && (
        <Card title={t("noAffiliationTitle")}>
          <p>{t("noAffiliation")}</p>
        </Card>
      )}
      {o.kind === "open" && (
        <Card title={t("requestTitle")}>
          {o.cessationOn ? <p className="mb-3">{t("cessationKnown", { date: formatDate(locale, o.cessationOn) })}</p> : <p className="mb-3">{t("cessationAsked")}</p>}
          <ContinuedInsuranceForm today={o.today} cessationOn={o.cessationOn} qualifyingQuarters={o.qualifyingQuarters} />
        </Card>
      )}
    </RequestPage>
  );
}
