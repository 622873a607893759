import "server-only";
import { prisma } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/viewer";
import type { Locale } from "@/lib/generated/prisma/enums";
import { isOfficialLocale } from "@/lib/i18n/config";

/** The language switch of a signed-in user: their login's language and, for an affiliate choosing an official
 *  language (French, Dutch or German), their dossier's — the language of their letters. English changes only the
 *  screens; an accountant's switch never touches the client's dossier. */
export async function setMyLanguage(viewer: Viewer, locale: Locale): Promise<void> {
  const ownDossier = viewer.role === "AFFILIATE" && viewer.affiliateId && isOfficialLocale(locale) ? viewer.affiliateId : null;
  await prisma.$transaction([
    prisma.user.update({ where: { id: viewer.userId }, data: { locale } }),
    ...(ownDossier ? [prisma.affiliate.update({ where: { id: ownDossier }, data: { language: locale } })] : []),
  ]);
}
