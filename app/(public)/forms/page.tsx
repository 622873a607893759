import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_forms");
  return { title: t("title") };
}

/** Every form of the fund, each once (the labels are the request list's own, ss_requests.new). */
const ONLINE = [
  ["contribution", "/me/requests/contribution"],
  ["paymentPlan", "/me/requests/payment-plan"],
  ["pay", "/me/pay"],
  ["exemption", "/me/requests/exemption"],
  ["surchargeWaiver", "/me/requests/surcharge-waiver"],
  ["bridgingRight", "/me/requests/bridging-right"],
  ["caregiver", "/me/requests/caregiver"],
  ["illnessAssimilation", "/me/requests/illness-assimilation"],
  ["endOfActivity", "/me/requests/end-of-activity"],
  ["continuedInsurance", "/me/requests/continued-insurance"],
  ["jointLiabilityRelease", "/me/requests/joint-liability-release"],
  ["question", "/me/requests/question"],
] as const;

/** The forms catalogue (service commitment: complete, easy-to-find forms): what can be asked, where, and how without the portal. */
export default async function FormsPage() {
  const t = await getTranslations("ss_forms");
  const tr = await getTranslations("ss_requests");
  const nav = await getTranslations("nav");
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p className="max-w-3xl">{t("intro")}</p>
      <Card title={t("publicTitle")}>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <Link href="/affiliation">{nav("affiliation")}</Link> — {t("noSignIn")}
          </li>
          <li>
            <Link href="/simulator">{nav("simulator")}</Link> — {t("noSignIn")}
          </li>
        </ul>
      </Card>
      <Card title={t("onlineTitle")}>
        <p className="mb-3">{t("onlineIntro")}</p>
        <ul className="list-disc space-y-1 pl-5">
          {ONLINE.map(([key, href]) => (
            <li key={key}>
              <Link href={href}>{tr(`new.${key}`)}</Link>
            </li>
          ))}
        </ul>
      </Card>
      <Card title={t("paperTitle")}>
        <p>{t("paper")}</p>
        <p className="mt-2">
          <Link href="/contact">{t("contactLink")}</Link>
        </p>
      </Card>
    </div>
  );
}
