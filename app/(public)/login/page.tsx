import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/login-form";
import { FasSignIn } from "@/components/fas-sign-in";
import { PageTitle } from "@/components/ui";
import { currentViewer } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/permissions";
import { fasConfigFrom } from "@/lib/auth/fas/config";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const viewer = await currentViewer();
  if (viewer) redirect(homeFor(viewer.role));
  const t = await getTranslations("login");
  const tf = await getTranslations("fas");
  const { callbackUrl } = await searchParams;
  // eID / itsme first when the portal has an issuer (FAS_ISSUER); the password stays for staff and as the fallback
  const fas = fasConfigFrom() !== null;
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>{t("title")}</PageTitle>
      {fas && <FasSignIn callbackUrl={callbackUrl ?? ""} />}
      <p className="mb-6">{fas ? tf("passwordIntro") : t("intro")}</p>
      <LoginForm callbackUrl={callbackUrl ?? ""} />
    </div>
  );
}
