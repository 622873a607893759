import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { ProfileForm } from "@/components/me/profile-form";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { getMyProfile } from "@/lib/dal/profile/get-my-profile";
import { formatIban } from "@/lib/domain";
import { listMyDossierConsultations } from "@/lib/dal/profile/list-my-dossier-consultations";
import { AccessLogTable } from "@/components/access-log-table";
import { listMySignIns } from "@/lib/dal/profile/list-my-sign-ins";
import { BulletinTopicsForm } from "@/components/information/bulletin-topics-form";
import { getMyBulletinTopics } from "@/lib/dal/profile/get-my-bulletin-topics";
import { dateFormat } from "@/lib/format";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ss_profile");
  return { title: t("title") };
}

export default async function ProfilePage() {
  const viewer = await requireViewer("own-profile:update", "/me/profile");
  const p = await orNotFound(getMyProfile(viewer));
  const t = await getTranslations("ss_profile");
  const ta = await getTranslations("ss_access");
  const consultations = await orNotFound(listMyDossierConsultations(viewer));
  const signIns = await listMySignIns(viewer);
  const [topics, tb] = [await getMyBulletinTopics(viewer), await getTranslations("info_subscriptions")];
  const ts = await getTranslations("ss_signins");
  const tm = await getTranslations("acc_mandates");
  const locale = await getLocale();
  const when = dateFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Brussels" });
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
      <Card title={tb("title")}>
        <p className="mb-3">{tb("intro")}</p>
        {!p.prefs.email && <p className="mb-3 border-l-4 border-brand-700 pl-2">{tb("noEmail")}</p>}
        <BulletinTopicsForm topics={topics} />
      </Card>
      <Card title={tm("cardTitle")}>
        <p className="mb-3">{tm("cardIntro")}</p>
        <Link href="/me/accountant">{tm("cardLink")}</Link>
      </Card>
      <Card title={ta("title")}>
        <p className="mb-3">{ta("intro")}</p>
        <AccessLogTable rows={consultations} caption={ta("caption")} />
      </Card>
      <Card title={ts("title")}>
        <p className="mb-3">{ts("intro")}</p>
        {signIns.length === 0 ? (
          <p>{ts("none")}</p>
        ) : (
          <table className="w-full text-left">
            <caption className="sr-only">{ts("caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">{ts("when")}</th>
                <th scope="col" className="py-2 pr-4">{ts("how")}</th>
                <th scope="col" className="py-2 pr-4">{ts("where")}</th>
                <th scope="col" className="py-2">{ts("state")}</th>
              </tr>
            </thead>
            <tbody>
              {signIns.map((s, i) => (
                <tr key={i} className="border-b border-slate-100">
                  <td className="py-2 pr-4">{when.format(new Date(s.at))}</td>
                  <td className="py-2 pr-4">{ts(`methods.${s.method}`)}</td>
                  <td className="py-2 pr-4">{s.address ?? ts("unknownAddress")}</td>
                  <td className="py-2">{s.endedAt ? ts(`ended.${s.endReason ?? "other"}`) : ts("open")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
