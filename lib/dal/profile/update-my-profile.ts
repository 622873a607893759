import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { isValidBelgianIban, normalizeIban } from "@/lib/domain";
import { getMyProfile } from "@/lib/dal/profile/get-my-profile";
import { type ProfileUpdate } from "@/lib/dto/profile";
import { invalid } from "@/lib/errors";

/** Saves the profile; returns the names of the fields that changed (empty when nothing did). */
export async function updateMyProfile(viewer: Viewer | null, input: ProfileUpdate): Promise<{ changed: string[] }> {
  assertPermission(viewer, "own-profile:update");
  const affiliateId = ownAffiliateId(viewer);
  if (input.refundIban !== "" && !isValidBelgianIban(input.refundIban)) throw invalid({ refundIban: ["invalidIban"] });
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
    if (Object.keys(changed).length === 0) return { changed: [] };
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
    return { changed: Object.keys(changed) };
  });
}
