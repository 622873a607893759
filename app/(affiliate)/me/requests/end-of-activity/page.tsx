import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CessationRequestPage } from "@/components/me/cessation-request-page";
import { EndOfActivityForm } from "@/components/me/end-of-activity-form";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { getMyEndOfActivityOptions } from "@/lib/dal/requests/get-my-end-of-activity-options";
import { todayInBrussels } from "@/lib/clock";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_end_activity");
  return { title: t("title") };
}

export default async function EndOfActivityPage() {
  const viewer = await requireViewer("own-request:create", "/me/requests/end-of-activity");
  const today = todayInBrussels();
  const o = await orNotFound(getMyEndOfActivityOptions(viewer, today));
  return (
    <CessationRequestPage ns="ss_end_activity" today={today} rulesKey="rules" rules={["due", "when", "after"]} options={o}>
      {o.kind === "open" && <EndOfActivityForm today={o.today} affiliationStartOn={o.affiliationStartOn} issuedQuarters={o.issuedQuarters} />}
    </CessationRequestPage>
  );
}
