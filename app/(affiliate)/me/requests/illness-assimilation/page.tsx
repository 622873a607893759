import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CessationRequestPage } from "@/components/me/cessation-request-page";
import { IllnessAssimilationForm } from "@/components/me/illness-assimilation-form";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { getMyIllnessAssimilationOptions } from "@/lib/dal/requests/get-my-illness-assimilation-options";
import { todayInBrussels } from "@/lib/clock";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_illness");
  return { title: t("title") };
}

export default async function IllnessAssimilationPage() {
  const viewer = await requireViewer("own-request:create", "/me/requests/illness-assimilation");
  const today = todayInBrussels();
  const o = await orNotFound(getMyIllnessAssimilationOptions(viewer, today));
  return (
    <CessationRequestPage ns="ss_illness" today={today} rulesKey="conditions" rules={["who", "when", "effect"]} options={o}>
      {o.kind === "open" && <IllnessAssimilationForm today={o.today} affiliationStartOn={o.affiliationStartOn} />}
    </CessationRequestPage>
  );
}
