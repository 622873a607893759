import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { RequestPage } from "@/components/me/request-page";
import { EndOfActivityForm } from "@/components/me/end-of-activity-form";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { getMyEndOfActivityOptions } from "@/lib/dal/requests/get-my-end-of-activity-options";
import { todayInBrussels } from "@/lib/clock";
import { charterDeadlines } from "@/lib/domain";
import { formatDate } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_end_activity");
  return { title: t("title") };
}

export default async function EndOfActivityPage() {
  const viewer = await requireViewer("own-request:create", "/me/requests/end-of-activity");
  const today = todayInBrussels();
  const o = await orNotFound(getMyEndOfActivityOptions(viewer, today));
  const t = await getTranslations("ss_end_activity");
  const locale = await getLocale();
  return (
    <RequestPage ns="ss_end_activity" deadlineNote={t("deadline", { date: formatDate(locale, charterDeadlines({ filedOn: today }).decisionDueOn) })}>
      <Card title={t("rulesTitle")}>
        <ul className="list-disc space-y-1 pl-5">
          <li>{t("rules.due")}</li>
          <li>{t("rules.when")}</li>
          <li>{t("rules.after")}</li>
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
          <EndOfActivityForm today={o.today} affiliationStartOn={o.affiliationStartOn} issuedQuarters={o.issuedQuarters} />
        </Card>
      )}
    </RequestPage>
  );
}
