import "server-only";
import { prisma } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/viewer";
import type { Locale } from "@/lib/generated/prisma/enums";

/** The language switch of a signed-in user: their login's language and, for an affiliate, their dossier's (letters). */
export async function setMyLanguage(viewer: Viewer, locale: Locale): Promise<void> {
  await prisma.$transaction([
    prisma.user.update({ where: { id: viewer.userId }, data: { locale } }),
    ...(viewer.affiliateId ? [prisma.affiliate.update({ where: { id: viewer.affiliateId }, data: { language: locale } })] : []),
  ]);
}
