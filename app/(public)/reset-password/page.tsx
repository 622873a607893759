import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SetPasswordPage } from "@/components/auth/set-password-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth_reset");
  // the token is in the address: never sent on to another site
  return { title: t("title"), referrer: "no-referrer", robots: { index: false } };
}

/** The link of the "forgot password" e-mail: a new password, valid one hour, once. */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return <SetPasswordPage purpose="reset" token={typeof token === "string" ? token : undefined} />;
}
