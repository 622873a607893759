import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { ProfileForm } from "@/components/me/profile-form";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { getMyProfile } from "@/lib/dal/profile/get-my-profile";
import { formatIban } from "@/lib/domain";
import { listMyDossierConsultations } from "@/lib/dal/profile/list-my-dossier-consultations";
import { getLocale } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_profile");
  return { title: t("title") };
}

export default async function ProfilePage() {
  const viewer = await requireViewer("own-profile:update", "/me/profile");
  const p = await orNotFound(getMyProfile(viewer));
  const t = await getTranslations("ss_profile");
  const ta = await getTranslations("ss_access");
  const locale = await getLocale();
  const consultations = await orNotFound(listMyDossierConsultations(viewer));
  const when = new Intl.DateTimeFormat(locale === "nl" ? "nl-BE" : "fr-BE", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Brussels" });
  const reasonLabel = (r: string | null) => (r && ta.has(`reasons.${r}`) ? ta(`reasons.${r}`) : ta("otherReason"));
  return (
    <div className="space-y-6">
      <p>
        <Link href="/me">{t("back")}</Link>
      </p>
      <PageTitle>{t("title")}</PageTitle>
      <p>{t("intro")}</p>
      <Card>
        <ProfileForm
          company={p.kind === "COMPANY"}
          defaults={{
            email: p.email,
            phone: p.phone,
            street: p.street,
            postalCode: p.postalCode,
            city: p.city,
            language: p.language,
            notifyEmail: p.prefs.email,
            notifySms: p.prefs.sms,
            notifyPaper: p.prefs.paper,
            refundIban: p.refundIban ? (formatIban(p.refundIban) ?? p.refundIban) : "",
          }}
        />
      </Card>
      <Card title={ta("title")}>
        <p className="mb-3">{ta("intro")}</p>
        {consultations.length === 0 ? (
          <p>{ta("none")}</p>
        ) : (
          <table className="w-full text-left">
            <caption className="sr-only">{ta("caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">{ta("when")}</th>
                <th scope="col" className="py-2 pr-4">{ta("who")}</th>
                <th scope="col" className="py-2">{ta("why")}</th>
              </tr>
            </thead>
            <tbody>
              {consultations.map((c, i) => (
                <tr key={i} className="border-b border-slate-100">
                  <td className="py-2 pr-4">{when.format(new Date(c.at))}</td>
                  <td className="py-2 pr-4">{c.staffName}</td>
                  <td className="py-2">{reasonLabel(c.reason)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
