import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, NotFoundError, ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { isValidBelgianIban, normalizeIban } from "@/lib/domain";

// The affiliate's own profile: contact details (person dossiers), correspondence language, notification
// preferences and refund IBAN. Every change is written to the AuditLog with the old and new values.

export type NotificationPrefs = { email: boolean; sms: boolean; paper: boolean };
export type MyProfile = {
  kind: "PERSON" | "COMPANY";
  email: string;
  phone: string;
  street: string;
  postalCode: string;
  city: string;
  language: "fr" | "nl";
  prefs: NotificationPrefs;
  refundIban: string;
};

function prefsOf(value: unknown): NotificationPrefs {
  const v = (value ?? {}) as Partial<NotificationPrefs>;
  return { email: v.email !== false, sms: v.sms === true, paper: v.paper === true };
}

export async function getMyProfile(viewer: Viewer | null): Promise<MyProfile> {
  const affiliateId = ownAffiliateId(viewer);
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
    language: a.language,
    prefs: prefsOf(a.notificationPrefs),
    refundIban: a.refundIban ?? "",
  };
}

export type ProfileUpdate = Omit<MyProfile, "kind">;

/** Saves the profile; returns the names of the fields that changed (empty when nothing did). */
export async function updateMyProfile(viewer: Viewer | null, input: ProfileUpdate): Promise<{ ok: true; changed: string[] } | { ok: false; code: "invalidIban" }> {
  assertPermission(viewer, "own-profile:update");
  const affiliateId = ownAffiliateId(viewer);
  if (input.refundIban !== "" && !isValidBelgianIban(input.refundIban)) return { ok: false, code: "invalidIban" };
  const next = { ...input, refundIban: input.refundIban === "" ? "" : normalizeIban(input.refundIban) };
  return prisma.$transaction(async (tx) => {
    const before = await getMyProfile(viewer);
    const a = await tx.affiliate.findUniqueOrThrow({ where: { id: affiliateId }, select: { personId: true, companyId: true } });
    const changed: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ["email", "phone", "street", "postalCode", "city", "language", "refundIban"] as const) {
      if (before.kind === "COMPANY" && (key === "email" || key === "phone")) continue;
      if (before[key] !== next[key]) changed[key] = { from: before[key], to: next[key] };
    }
    if (JSON.stringify(before.prefs) !== JSON.stringify(next.prefs)) changed.notificationPrefs = { from: before.prefs, to: next.prefs };
    if (Object.keys(changed).length === 0) return { ok: true as const, changed: [] };
    await tx.affiliate.update({
      where: { id: affiliateId },
      data: { language: next.language, notificationPrefs: next.prefs, refundIban: next.refundIban === "" ? null : next.refundIban },
    });
    const place = { street: next.street, postalCode: next.postalCode, city: next.city };
    if (a.personId) await tx.person.update({ where: { id: a.personId }, data: { ...place, email: next.email || null, phone: next.phone || null } });
    else if (a.companyId) await tx.company.update({ where: { id: a.companyId }, data: place });
    await tx.auditLog.create({
      data: { actorId: viewer.userId, action: "profile.update", entity: "Affiliate", entityId: affiliateId, details: JSON.parse(JSON.stringify(changed)) },
    });
    return { ok: true as const, changed: Object.keys(changed) };
  });
}
