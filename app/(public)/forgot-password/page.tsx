import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth_forgot");
  return { title: t("title") };
}

/** Asks for a reset link; the answer never tells whether an account exists. */
export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth_forgot");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>{t("title")}</PageTitle>
      <p className="mb-6">{t("intro")}</p>
      <ForgotPasswordForm />
    </div>
  );
}
