import "server-only";
import { isOfficialLocale } from "@/lib/i18n/config";
import { prisma } from "@/lib/db/client";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { type NotificationPrefs, type MyProfile } from "@/lib/dto/profile";

function prefsOf(value: unknown): NotificationPrefs {
  const v = (value ?? {}) as Partial<NotificationPrefs>;
  return { email: v.email !== false, sms: v.sms === true, paper: v.paper === true };
}

export async function getMyProfile(viewer: Viewer | null): Promise<MyProfile> {
  const affiliateId = ownAffiliateId(viewer, "self");
  const a = await prisma.affiliate.findUnique({ where: { id: affiliateId }, include: { person: true, company: true } });
  if (!a) throw new NotFoundError("affiliate");
  const place = a.person ?? a.company;
  return {
    kind: a.kind,
    email: a.person?.email ?? "",
    phone: a.person?.phone ?? "",
    street: place?.street ?? "",
    postalCode: place?.postalCode ?? "",
    city: place?.city ?? "",
    language: isOfficialLocale(a.language) ? a.language : "fr",
    prefs: prefsOf(a.notificationPrefs),
    refundIban: a.refundIban ?? "",
  };
}
