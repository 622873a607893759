import "server-only";
import { prisma } from "@/lib/db/client";
import { assertPermission, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { deliverQueued } from "@/lib/mail/outbox";
import { queueBulletinMail } from "@/lib/dal/internal/bulletins";

/** How many e-mails are tried at once after the commit; the outbox flush (every minute) sends the rest. */
const SEND_NOW = 50;

/**
 * Publishes a draft issue: it appears on the archive and the Atom feed, and its e-mail is queued for every subscribed
 * affiliate in the same transaction. Idempotent: the issue turns PUBLISHED once (a conditional update), so a second
 * publication — a double click, two staff at once — queues nothing and says so (`alreadyPublished`).
 */
export async function publishBulletin(viewer: Viewer | null, id: string, now = new Date()): Promise<{ queued: number; alreadyPublished: boolean }> {
  assertPermission(viewer, "bulletin:publish");
  const result = await prisma.$transaction(async (tx) => {
    const { count } = await tx.bulletin.updateMany({ where: { id, status: "DRAFT" }, data: { status: "PUBLISHED", publishedAt: now, publishedById: viewer.userId } });
    if (count === 0) {
      if (!(await tx.bulletin.findUnique({ where: { id }, select: { id: true } }))) throw new NotFoundError("bulletin");
      return { keys: [] as string[], alreadyPublished: true };
    }
    const b = await tx.bulletin.findUniqueOrThrow({ where: { id } });
    await tx.auditLog.create({ data: { actorId: viewer.userId, action: "bulletin.publish", entity: "Bulletin", entityId: id, details: { topic: b.topic } } });
    return { keys: await queueBulletinMail(tx, b), alreadyPublished: false };
  });
  await deliverQueued(result.keys.slice(0, SEND_NOW));
  return { queued: result.keys.length, alreadyPublished: result.alreadyPublished };
}
