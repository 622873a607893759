import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui";
import { SecondFactorEnrol } from "@/components/auth/second-factor-enrol";
import { currentSignIn } from "@/lib/auth/session";
import { beginEnrolment, hasSecondFactor } from "@/lib/auth/second-factor";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("second_factor");
  return { title: t("title") };
}

/** A staff member's first sign-in: enrol an authenticator app (TOTP) before any staff page opens. */
export default async function SecondFactorPage() {
  const signIn = await currentSignIn();
  if (!signIn) redirect("/login");
  if (signIn.secondFactor) redirect("/after-login");
  const t = await getTranslations("second_factor");
  // enrolled already but this session has no code (it cannot be given here): sign in again with the code
  if (await hasSecondFactor(signIn.uid)) redirect("/login");
  const enrolment = await beginEnrolment(signIn.uid);
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      <ol className="list-decimal space-y-3 pl-6">
        <li>
          <p>{t("step1")}</p>
          {/* the QR code is an SVG drawn on the server from the otpauth:// address; the same secret is written below */}
          <div role="img" aria-label={t("qrLabel")} className="mt-2 w-48 bg-white p-2" dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }} />
          <p className="mt-2">{t("secretIntro")} <code className="break-all font-mono" data-testid="totp-secret">{enrolment.secret.replace(/(.{4})/g, "$1 ").trim()}</code></p>
        </li>
        <li><p>{t("step2")}</p></li>
      </ol>
      <SecondFactorEnrol />
    </div>
  );
}
