import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui";
import { SecondFactorEnrol } from "@/components/auth/second-factor-enrol";
import { PasskeyRegister } from "@/components/auth/passkey-register";
import { currentSignIn } from "@/lib/auth/session";
import { beginEnrolment, hasSecondFactor } from "@/lib/auth/second-factor";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("second_factor");
  return { title: t("title") };
}

/** A staff member's first sign-in: enrol an authenticator app (TOTP) or a passkey before any staff page opens. */
export default async function SecondFactorPage() {
  const signIn = await currentSignIn();
  if (!signIn) redirect("/login");
  if (signIn.secondFactor) redirect("/after-login");
  const t = await getTranslations("second_factor");
  const tp = await getTranslations("passkeys");
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
      {/* or a passkey instead of the app (lib/auth/passkeys.ts) */}
      <section aria-labelledby="passkey-title" className="space-y-2 border-t border-slate-300 pt-4">
        <h2 id="passkey-title" className="text-lg font-semibold">{tp("title")}</h2>
        <p>{tp("intro")}</p>
        <PasskeyRegister mode="enrol" />
      </section>
    </div>
  );
}
