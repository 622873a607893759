import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui";
import { checkToken, type TokenPurpose } from "@/lib/auth/activation";
import { PasswordForm } from "./password-form";

/** The page behind an activation or reset link: the form when the link is valid, else why it is not and what to do. */
export async function SetPasswordPage({ purpose, token }: { purpose: TokenPurpose; token: string | undefined }) {
  const t = await getTranslations(purpose === "activation" ? "auth_activate" : "auth_reset");
  const ta = await getTranslations("auth_activate");
  const valid = !!token && (await checkToken(token, purpose));
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>{t("title")}</PageTitle>
      {valid ? (
        <>
          <p className="mb-6">{t("intro")}</p>
          <PasswordForm purpose={purpose} token={token!} />
        </>
      ) : (
        <div className="space-y-3">
          <p role="alert" className="border-l-4 border-bad-700 bg-white p-3 text-bad-700" data-testid="invalid-link">
            {t("invalidLink")}
          </p>
          <p>{t("invalidLinkHelp")}</p>
          <ul className="list-disc space-y-1 pl-5">
            {purpose === "activation" && (
              <li>
                <Link href="/login" className="text-brand-700 underline">
                  {ta("toLogin")}
                </Link>
              </li>
            )}
            <li>
              <Link href="/forgot-password" className="text-brand-700 underline">
                {t("toForgot")}
              </Link>
            </li>
          </ul>
        </div>
      )}
    </div>
  );
}
