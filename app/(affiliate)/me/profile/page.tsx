import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui";
import { ProfileForm } from "@/components/me/profile-form";
import { orNotFound, requireViewer } from "@/lib/auth/session";
import { getMyProfile } from "@/lib/dal/profile/get-my-profile";
import { formatIban } from "@/lib/domain";
import { listMyDossierConsultations } from "@/lib/dal/profile/list-my-dossier-consultations";
import { AccessLogTable } from "@/components/access-log-table";

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
        <AccessLogTable rows={consultations} caption={ta("caption")} />
      </Card>
    </div>
  );
}
