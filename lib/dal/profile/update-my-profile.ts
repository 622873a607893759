import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { isValidBelgianIban, normalizeIban } from "@/lib/domain";
import { getMyProfile } from "@/lib/dal/profile/get-my-profile";
import { type ProfileUpdate } from "@/lib/dto/profile";
import { invalid } from "@/lib/errors";
import { verifyPassword } from "@/lib/auth/password";
import { findFund } from "@/lib/dal/internal/reference-data";
import { serverTranslator } from "@/lib/i18n/translator";
import { formatDateTime } from "@/lib/format";
import { sendEmail } from "@/lib/mail/outbox";

/** A fresh eID/itsme sign-in stands for the password in a step-up for this long. */
const FRESH_FAS_MS = 10 * 60 * 1000;

/**
 * Saves the profile; returns the names of the fields that changed (empty when nothing did). Changing the contact
 * e-mail address or the refund account — where the fund's letters and money go — asks for a step-up: the current
 * password, or an eID/itsme sign-in of the last 10 minutes (this session's); a notice then goes to the previous
 * address.
 */
export async function updateMyProfile(
  viewer: Viewer | null,
  input: ProfileUpdate,
  stepUp: { password: string; sessionId?: string | null } = { password: "" },
  now = new Date(),
): Promise<{ changed: string[] }> {
  assertPermission(viewer, "own-profile:update");
  const affiliateId = ownAffiliateId(viewer, "self");
  if (input.refundIban !== "" && !isValidBelgianIban(input.refundIban)) throw invalid({ refundIban: ["invalidIban"] });
  const next = { ...input, refundIban: input.refundIban === "" ? "" : normalizeIban(input.refundIban) };
  const current = await getMyProfile(viewer);
  const sensitive = (["email", "refundIban"] as const).filter((k) => !(current.kind === "COMPANY" && k === "email") && current[k] !== next[k]);
  if (sensitive.length > 0) await checkStepUp(viewer.userId, stepUp, now);
  const result = await prisma.$transaction(async (tx) => {
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
  if (sensitive.length > 0 && current.email) await noticeToPreviousAddress(affiliateId, current.email, sensitive, now);
  return result;
}

async function checkStepUp(userId: string, stepUp: { password: string; sessionId?: string | null }, now: Date) {
  if (stepUp.sessionId) {
    const fresh = await prisma.userSession.findFirst({
      where: { id: stepUp.sessionId, userId, method: "fas", endedAt: null, createdAt: { gt: new Date(now.getTime() - FRESH_FAS_MS) } },
      select: { id: true },
    });
    if (fresh) return;
  }
  if (!stepUp.password) throw invalid({ currentPassword: ["stepUpRequired"] });
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true, affiliateId: true } });
  if (!(await verifyPassword(user.passwordHash, stepUp.password))) {
    await prisma.auditLog.create({ data: { actorId: userId, action: "auth.stepUpFailed", entity: "User", entityId: userId, affiliateId: user.affiliateId } });
    throw invalid({ currentPassword: ["wrongPassword"] });
  }
}

/** "Your e-mail address / refund account was changed; not you? call us" — to the address the fund had before. */
async function noticeToPreviousAddress(affiliateId: string, previous: string, what: readonly ("email" | "refundIban")[], now: Date) {
  const a = await prisma.affiliate.findUniqueOrThrow({ where: { id: affiliateId }, select: { language: true, person: { select: { firstName: true, lastName: true } }, company: { select: { name: true } } } });
  const fund = await findFund(prisma);
  const t = serverTranslator(a.language, "ss_profile_mail");
  const when = formatDateTime(a.language, now.toISOString());
  await sendEmail({
    to: previous,
    subject: t("subject"),
    text: t("text", {
      name: a.person ? `${a.person.firstName} ${a.person.lastName}` : (a.company?.name ?? ""),
      when,
      what: t(what.length === 2 ? "both" : what[0] === "email" ? "email" : "iban"),
      phone: fund?.phone ?? "",
      fund: fund?.name ?? "",
    }),
    template: "profile.changed",
    affiliateId,
  });
}
