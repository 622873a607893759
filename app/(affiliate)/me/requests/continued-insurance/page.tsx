import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { CessationRequestPage } from "@/components/me/cessation-request-page";
import { ContinuedInsuranceForm } from "@/components/me/continued-insurance-form";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { getMyContinuedInsuranceOptions } from "@/lib/dal/requests/get-my-continued-insurance-options";
import { todayInBrussels } from "@/lib/clock";
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
    <CessationRequestPage ns="ss_continued" today={today} rulesKey="conditions" rules={["who", "contributions", "when", "period", "amount"]} options={o}>
      {o.kind === "open" && (
        <>
          {o.cessationOn ? <p className="mb-3">{t("cessationKnown", { date: formatDate(locale, o.cessationOn) })}</p> : <p className="mb-3">{t("cessationAsked")}</p>}
          <ContinuedInsuranceForm today={o.today} cessationOn={o.cessationOn} qualifyingQuarters={o.qualifyingQuarters} />
        </>
      )}
    </CessationRequestPage>
  );
}
