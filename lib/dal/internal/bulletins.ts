// The bulletin's plumbing shared by its use cases: the row → the shapes staff and readers see, and the e-mails of a
// publication (one per subscribed affiliate, in their language, each with its own one-click unsubscribe link).
import "server-only";
import type { Bulletin, Prisma } from "@/lib/generated/prisma/client";
import { prisma } from "@/lib/db/client";
import { portalBaseUrl } from "@/lib/auth/activation";
import { unsubscribeQuery } from "@/lib/auth/unsubscribe-token";
import { serverTranslator } from "@/lib/i18n/translator";
import { wantsEmail } from "@/lib/dal/internal/notify";
import type { AppLocale } from "@/lib/i18n/config";
import type { BulletinIssue, BulletinTopic, StaffBulletin } from "@/lib/dto/information";

type Db = Prisma.TransactionClient | typeof prisma;

export function staffBulletinOf(b: Bulletin, authorName: string): StaffBulletin {
  return {
    id: b.id,
    topic: b.topic,
    titleFr: b.titleFr ?? "",
    bodyFr: b.bodyFr ?? "",
    titleNl: b.titleNl ?? "",
    bodyNl: b.bodyNl ?? "",
    status: b.status,
    publishedAt: b.publishedAt?.toISOString() ?? null,
    updatedAt: b.updatedAt.toISOString(),
    authorName,
  };
}

export async function authorNames(ids: string[]): Promise<Map<string, string>> {
  const users = await prisma.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** The issue in the reader's language, else in the other one (a bulletin targets the languages it is written in:
 *  French and Dutch; a German or English reader reads the French version, marked as such by its `language`). */
export function issueOf(b: Pick<Bulletin, "id" | "topic" | "titleFr" | "bodyFr" | "titleNl" | "bodyNl" | "publishedAt">, reader: AppLocale): BulletinIssue {
  const locale = reader === "nl" ? "nl" : "fr";
  const language = (locale === "nl" ? b.titleNl : b.titleFr) ? locale : locale === "nl" ? "fr" : "nl";
  return {
    id: b.id,
    topic: b.topic,
    language,
    title: (language === "nl" ? b.titleNl : b.titleFr) ?? "",
    body: (language === "nl" ? b.bodyNl : b.bodyFr) ?? "",
    publishedAt: b.publishedAt?.toISOString() ?? null,
  };
}

/** Where the reader of the e-mail unsubscribes from the topic in one click (GET shows the page, POST unsubscribes). */
export const unsubscribeUrl = (affiliateId: string, topic: BulletinTopic) => `${portalBaseUrl()}/bulletin/unsubscribe?${unsubscribeQuery(affiliateId, topic)}`;
/** The RFC 8058 one-click endpoint (List-Unsubscribe-Post), the same token. */
export const oneClickUrl = (affiliateId: string, topic: BulletinTopic) => `${portalBaseUrl()}/api/bulletin/unsubscribe?${unsubscribeQuery(affiliateId, topic)}`;

const BATCH = 1000;

/**
 * Queues the e-mail of a published issue for every affiliate subscribed to its topic who reads one of its languages,
 * wants e-mails and has an address: one row per affiliate under the key `bulletin:<id>:<affiliateId>` (publishing
 * twice queues nothing more). Plain text, no tracking: the issue, its link, the unsubscribe link and header.
 */
export async function queueBulletinMail(db: Db, b: Bulletin): Promise<string[]> {
  const languages = [b.titleFr ? ("fr" as const) : null, b.titleNl ? ("nl" as const) : null].filter((l) => l !== null);
  const keys: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const subs = await db.bulletinSubscription.findMany({
      where: { topic: b.topic, affiliate: { language: { in: languages } } },
      orderBy: { affiliateId: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { affiliateId_topic: { affiliateId: cursor, topic: b.topic } }, skip: 1 } : {}),
      select: { affiliateId: true, affiliate: { select: { language: true, notificationPrefs: true, person: { select: { email: true } }, login: { select: { email: true } } } } },
    });
    if (subs.length === 0) break;
    cursor = subs[subs.length - 1].affiliateId;
    const rows = subs.flatMap((s) => {
      const to = s.affiliate.person?.email?.trim() || s.affiliate.login?.email || "";
      if (!to || !wantsEmail(s.affiliate.notificationPrefs)) return [];
      const locale = s.affiliate.language;
      const t = serverTranslator(locale, "info_mail");
      const issue = issueOf(b, locale);
      const text = t("body", {
        title: issue.title,
        body: issue.body,
        link: `${portalBaseUrl()}/bulletin/${b.id}`,
        topic: serverTranslator(locale, "info_topic")(b.topic),
        unsubscribe: unsubscribeUrl(s.affiliateId, b.topic),
        profile: `${portalBaseUrl()}/me/profile`,
      });
      const headers = { "List-Unsubscribe": `<${oneClickUrl(s.affiliateId, b.topic)}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
      const uniqueKey = `bulletin:${b.id}:${s.affiliateId}`;
      keys.push(uniqueKey);
      return [{ to, subject: t("subject", { title: issue.title }), text, template: "bulletin.issue", affiliateId: s.affiliateId, uniqueKey, headers }];
    });
    if (rows.length > 0) await db.outboundEmail.createMany({ data: rows, skipDuplicates: true });
    if (subs.length < BATCH) break;
  }
  return keys;
}
