import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { QuestionForm } from "@/components/me/question-form";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { getMyOverview } from "@/lib/dal/affiliate";
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
    <div className="space-y-6">
      <p>
        <Link href="/me/requests">{t("back")}</Link>
      </p>
      <PageTitle>{t("title")}</PageTitle>
      <p>{o.advisorName ? t("introNamed", { advisor: o.advisorName }) : t("introNoAdvisor")}</p>
      <Card>
        <QuestionForm />
      </Card>
    </div>
  );
}
