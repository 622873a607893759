import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { RequestPage } from "@/components/me/request-page";
import { CaregiverAllowanceForm } from "@/components/me/relief-forms";
import { requireViewer } from "@/lib/auth/session";
import { todayInBrussels } from "@/lib/clock";
import { charterDeadlines } from "@/lib/domain";
import { formatDate } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_caregiver");
  return { title: t("title") };
}

export default async function CaregiverAllowancePage() {
  await requireViewer("own-request:create", "/me/requests/caregiver");
  const today = todayInBrussels();
  const t = await getTranslations("ss_caregiver");
  const locale = await getLocale();
  return (
    <RequestPage ns="ss_caregiver" deadlineNote={t("deadline", { date: formatDate(locale, charterDeadlines({ filedOn: today }).decisionDueOn) })}>
      <Card title={t("conditionsTitle")}>
        <ul className="list-disc space-y-1 pl-5">
          <li>{t("conditions.who")}</li>
          <li>{t("conditions.duration")}</li>
          <li>{t("conditions.when")}</li>
        </ul>
      </Card>
      <Card title={t("requestTitle")}>
        <CaregiverAllowanceForm today={today} />
      </Card>
    </RequestPage>
  );
}
