import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui";
import { RequestPage } from "@/components/me/request-page";
import { QuestionForm } from "@/components/me/question-form";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { getMyOverview } from "@/lib/dal/account/get-my-overview";
import { todayInBrussels } from "@/lib/clock";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_question");
  return { title: t("title") };
}

export default async function QuestionPage() {
  const viewer = await requireViewer("own-request:create", "/me/requests/question");
  const o = await orNotFound(getMyOverview(viewer, todayInBrussels()));
  const t = await getTranslations("ss_question");
  return (
    <RequestPage ns="ss_question" intro={o.advisorName ? t("introNamed", { advisor: o.advisorName }) : t("introNoAdvisor")}>
      <Card>
        <QuestionForm />
      </Card>
    </RequestPage>
  );
}
