import "server-only";
import { prisma } from "@/lib/db/client";
import { ownAffiliateId, type Viewer } from "@/lib/auth/viewer";
import { type MyNotifications } from "@/lib/dto/account";

/** The caller's inbox, newest first (bounded by the dossier's index), with how many are unread. */
export async function listMyNotifications(viewer: Viewer | null, take = 50): Promise<MyNotifications> {
  const affiliateId = ownAffiliateId(viewer);
  const [rows, unread] = await Promise.all([
    prisma.notification.findMany({
      where: { affiliateId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: { id: true, subject: true, text: true, link: true, createdAt: true, readAt: true },
    }),
    prisma.notification.count({ where: { affiliateId, readAt: null } }),
  ]);
  return { unread, items: rows.map((n) => ({ id: n.id, subject: n.subject, text: n.text, link: n.link, at: n.createdAt.toISOString(), read: n.readAt !== null })) };
}

/** Marks the caller's notices as read (only theirs: another dossier's ids change nothing). */
export async function markMyNotificationsRead(viewer: Viewer | null, ids: readonly string[] | "all"): Promise<number> {
  const affiliateId = ownAffiliateId(viewer);
  const { count } = await prisma.notification.updateMany({
    where: { affiliateId, readAt: null, ...(ids === "all" ? {} : { id: { in: [...ids] } }) },
    data: { readAt: new Date() },
  });
  return count;
}
