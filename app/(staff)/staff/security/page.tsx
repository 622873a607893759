import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { PasskeyRegister } from "@/components/auth/passkey-register";
import { RemovePasskeyButton } from "@/components/auth/remove-passkey-button";
import { requireViewer } from "@/lib/auth/session";
import { mySecondFactors } from "@/lib/auth/passkeys";
import { dateFormat } from "@/lib/format";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("staff_security");
  return { title: t("title") };
}

/** A staff member's own second factor: whether TOTP is on, their passkeys (add one, remove one but never the last
 *  factor). The staff layout already refuses anyone else. */
export default async function StaffSecurityPage() {
  const viewer = await requireViewer(undefined, "/staff/security");
  const t = await getTranslations("staff_security");
  const tp = await getTranslations("passkeys");
  const locale = await getLocale();
  const { totp, passkeys } = await mySecondFactors(viewer.userId);
  const day = dateFormat(locale, { dateStyle: "long", timeZone: "Europe/Brussels" });
  return (
    <div className="space-y-6">
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      <Card>
        <h2 className="font-semibold">{t("totp")}</h2>
        <p>{totp ? t("totpOn") : t("totpOff")}</p>
      </Card>
      <Card>
        <h2 className="mb-2 font-semibold">{t("passkeys")}</h2>
        {passkeys.length === 0 ? (
          <p>{t("none")}</p>
        ) : (
          <table className="w-full text-left">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">{t("name")}</th>
                <th scope="col" className="py-2 pr-3">{t("created")}</th>
                <th scope="col" className="py-2 pr-3">{t("lastUsed")}</th>
                <th scope="col" className="py-2"><span className="sr-only">{t("remove")}</span></th>
              </tr>
            </thead>
            <tbody>
              {passkeys.map((p) => (
                <tr key={p.id} className="border-b border-slate-100 align-top">
                  <th scope="row" className="py-2 pr-3 font-normal">{p.name}</th>
                  <td className="py-2 pr-3">{day.format(p.createdAt)}</td>
                  <td className="py-2 pr-3">{p.lastUsedAt ? day.format(p.lastUsedAt) : t("never")}</td>
                  <td className="py-2"><RemovePasskeyButton id={p.id} name={p.name} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="mt-4">
          <p className="mb-2 text-sm text-slate-700">{tp("intro")}</p>
          <PasskeyRegister mode="add" />
        </div>
      </Card>
    </div>
  );
}
