import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { RequestPage } from "@/components/me/request-page";
import { IllnessAssimilationForm } from "@/components/me/illness-assimilation-form";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { getMyIllnessAssimilationOptions } from "@/lib/dal/requests/get-my-illness-assimilation-options";
import { todayInBrussels } from "@/lib/clock";
import { charterDeadlines } from "@/lib/domain";
import { formatDate } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_illness");
  return { title: t("title") };
}

export default async function IllnessAssimilationPage() {
  const viewer = await requireViewer("own-request:create", "/me/requests/illness-assimilation");
  const today = todayInBrussels();
  const o = await orNotFound(getMyIllnessAssimilationOptions(viewer, today));
  const t = await getTranslations("ss_illness");
  const locale = await getLocale();
  return (
    <RequestPage ns="ss_illness" deadlineNote={t("deadline", { date: formatDate(locale, charterDeadlines({ filedOn: today }).decisionDueOn) })}>
      <Card title={t("conditionsTitle")}>
        <ul className="list-disc space-y-1 pl-5">
          <li>{t("conditions.who")}</li>
          <li>{t("conditions.when")}</li>
          <li>{t("conditions.effect")}</li>
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
          <IllnessAssimilationForm today={o.today} affiliationStartOn={o.affiliationStartOn} />
        </Card>
      )}
    </RequestPage>
  );
}
