import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SetPasswordPage } from "@/components/auth/set-password-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth_activate");
  // the token is in the address: never sent on to another site
  return { title: t("title"), referrer: "no-referrer", robots: { index: false } };
}

/** The activation link of the welcome e-mail: the new affiliate chooses their first password. */
export default async function ActivatePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return <SetPasswordPage purpose="activation" token={typeof token === "string" ? token : undefined} />;
}
