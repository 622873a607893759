import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/login-form";
import { PageTitle } from "@/components/ui";
import { currentViewer } from "@/lib/auth/session";
import { homeFor } from "@/lib/auth/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const viewer = await currentViewer();
  if (viewer) redirect(homeFor(viewer.role));
  const t = await getTranslations("login");
  const { callbackUrl } = await searchParams;
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>{t("title")}</PageTitle>
      <p className="mb-6">{t("intro")}</p>
      <LoginForm callbackUrl={callbackUrl ?? ""} />
    </div>
  );
}
