import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { RequestPage } from "@/components/me/request-page";
import { BridgingRightForm } from "@/components/me/relief-forms";
import { requireViewer } from "@/lib/auth/session";
import { todayInBrussels } from "@/lib/clock";
import { charterDeadlines } from "@/lib/domain";
import { formatDate } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_bridging");
  return { title: t("title") };
}

export default async function BridgingRightPage() {
  await requireViewer("own-request:create", "/me/requests/bridging-right");
  const t = await getTranslations("ss_bridging");
  const locale = await getLocale();
  return (
    <RequestPage ns="ss_bridging" deadlineNote={t("deadline", { date: formatDate(locale, charterDeadlines({ filedOn: todayInBrussels() }).decisionDueOn) })}>
      <Card title={t("conditionsTitle")}>
        <ul className="list-disc space-y-1 pl-5">
          <li>{t("conditions.cases")}</li>
          <li>{t("conditions.content")}</li>
          <li>{t("conditions.evidence")}</li>
        </ul>
      </Card>
      <Card title={t("requestTitle")}>
        <BridgingRightForm />
      </Card>
    </RequestPage>
  );
}
