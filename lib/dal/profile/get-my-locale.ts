import "server-only";
import { prisma } from "@/lib/db/client";
import { type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import type { Locale } from "@/lib/generated/prisma/enums";

/** The language the signed-in user chose (restored at sign-in). Anyone signed in may read their own. */
export async function getMyLocale(viewer: Viewer | null): Promise<Locale> {
  if (!viewer) throw new NotFoundError("user");
  const user = await prisma.user.findUnique({ where: { id: viewer.userId }, select: { locale: true } });
  if (!user) throw new NotFoundError("user");
  return user.locale;
}
