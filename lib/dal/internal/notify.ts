// No "server-only" here: the batch runs (plain Node scripts, lib/jobs) notify too, with the client they hold; the
// e-mails they queue leave with the outbox flush. The app sends its own at once after the commit (deliver-notices.ts).
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { serverTranslator } from "@/lib/i18n/translator";
import { formatMessageValues } from "@/lib/format-values";
import { isLocale } from "@/lib/i18n/config";
import { displayName, noticeCopiesFor } from "@/lib/dal/internal/accountant-mandates";

type Db = Prisma.TransactionClient | PrismaClient;

/** What the portal tells an affiliate about (one subject/text pair per kind in the nt_mail catalogue). */
export type NoticeKind =
  | "decisionAccepted"
  | "decisionRefused"
  | "planAccepted"
  | "information"
  | "answer"
  | "planReminder"
  | "planBroken"
  | "planCompleted"
  | "paymentReceived"
  | "benefitGranted"
  | "forwarded"
  | "taxCertificate"
  | "mandateAsked";

/** Notices whose e-mail their module renders itself (recordNotices): a mandate decided, a direct debit returned. */
export type RenderedNoticeKind = "mandateConfirmed" | "mandateRefused" | "directDebitReturned";

export type Notice = {
  affiliateId: string;
  kind: NoticeKind;
  /** message values, formatted for the reader by their names (…Cents money, …On dates) */
  values: Record<string, string | number>;
  /** where to read more in the portal (e.g. /me/requests/D-2026-000001) */
  path: string;
  /** idempotency: one notice (and one e-mail) per key, whoever sends it twice */
  uniqueKey: string;
};

/** Whether the affiliate accepts e-mails (their notification preferences; e-mail unless they opted out). */
export function wantsEmail(prefs: unknown): boolean {
  return ((prefs ?? {}) as { email?: unknown }).email !== false;
}

/**
 * Tells an affiliate: a notice in their in-app inbox and, unless they opted out of e-mail or have no address, the
 * same text queued as an e-mail — both in their language, both written with the caller's transaction (the event and
 * its notice stand or fall together). Returns the key of the e-mail queued, for `deliverNotices` after the commit
 * (lib/dal/internal/deliver-notices.ts).
 */
export async function notify(db: Db, n: Notice): Promise<string | null> {
  const [key] = await notifyMany(db, [n]);
  return key ?? null;
}

/**
 * {@link notify} for many notices at once (a statement's payments): the affiliates read in one query, the texts
 * rendered here, the inbox rows and the e-mails written in two statements. Returns the keys of the e-mails queued.
 */
export async function notifyMany(db: Db, notices: readonly Notice[]): Promise<string[]> {
  if (notices.length === 0) return [];
  const affiliates = await db.affiliate.findMany({
    where: { id: { in: [...new Set(notices.map((n) => n.affiliateId))] } },
    select: { id: true, language: true, notificationPrefs: true, person: { select: { email: true, firstName: true, lastName: true } }, company: { select: { name: true } }, login: { select: { email: true } } },
  });
  const byId = new Map(affiliates.map((a) => [a.id, a]));
  // the accountants whose mandate says they receive the notices get a copy, in their own language
  const copies = await noticeCopiesFor(db, affiliates.map((a) => a.id));
  const base = (process.env.NEXTAUTH_URL ?? "").replace(/\/$/, "");
  const inbox: Prisma.NotificationCreateManyInput[] = [];
  const emails: Prisma.OutboundEmailCreateManyInput[] = [];
  for (const n of notices) {
    const a = byId.get(n.affiliateId);
    if (!a) continue;
    const t = serverTranslator(a.language, "nt_mail");
    const values = formatMessageValues(a.language, n.values);
    if (typeof n.values.requestType === "string") values.requestType = serverTranslator(a.language, "requestType")(n.values.requestType as "QUESTION");
    const subject = t(`${n.kind}.subject`, values);
    const body = t(`${n.kind}.body`, values);
    inbox.push({ affiliateId: n.affiliateId, kind: n.kind, subject, text: body, link: n.path, uniqueKey: n.uniqueKey });
    const to = a.person?.email?.trim() || a.login?.email || "";
    if (to && wantsEmail(a.notificationPrefs))
      emails.push({ to, subject, text: t("email", { body, link: `${base}${n.path}` }), template: `notice.${n.kind}`, affiliateId: n.affiliateId, uniqueKey: n.uniqueKey });
    if (n.kind === "mandateAsked") continue; // another accountant's request is the affiliate's business only
    for (const c of copies.get(n.affiliateId) ?? []) {
      const locale = isLocale(c.locale) ? c.locale : "fr";
      const tc = serverTranslator(locale, "nt_mail");
      const cv = formatMessageValues(locale, n.values);
      if (typeof n.values.requestType === "string") cv.requestType = serverTranslator(locale, "requestType")(n.values.requestType as "QUESTION");
      const client = displayName(a);
      const ta = serverTranslator(locale, "acc_mail");
      emails.push({
        to: c.email,
        subject: ta("copy.subject", { client, subject: tc(`${n.kind}.subject`, cv) }),
        text: ta("copy.body", { client, body: tc(`${n.kind}.body`, cv), link: `${base}/portfolio` }),
        template: `notice.${n.kind}.accountant`,
        affiliateId: n.affiliateId,
        uniqueKey: `${n.uniqueKey}:accountant:${c.accountantId}`,
      });
    }
  }
  await db.notification.createMany({ data: inbox, skipDuplicates: true });
  if (emails.length > 0) await db.outboundEmail.createMany({ data: emails, skipDuplicates: true });
  return emails.map((e) => e.uniqueKey!);
}

/** The greeting and signature an e-mail carries, which the inbox does without. */
export function inboxText(emailText: string): string {
  return emailText
    .replace(/^(Bonjour|Goedendag|Guten Tag|Hello),?\s*\n+/, "")
    .replace(/\n+(Caisse Démo d'assurances sociales|Demo Sociaal Verzekeringsfonds|Demo-Sozialversicherungskasse|Demo Social Insurance Fund)\s*$/, "")
    .trim();
}

/**
 * The inbox side only, for notices whose e-mail the caller renders and queues itself (a mandate decided, a direct debit
 * returned): the same subject and text (without greeting and signature), under the e-mail's key. Set-based.
 */
export async function recordNotices(db: Db, notices: readonly { affiliateId: string; kind: RenderedNoticeKind; subject: string; emailText: string; path: string; uniqueKey: string }[]): Promise<void> {
  if (notices.length === 0) return;
  await db.notification.createMany({
    data: notices.map((n) => ({ affiliateId: n.affiliateId, kind: n.kind, subject: n.subject, text: inboxText(n.emailText), link: n.path, uniqueKey: n.uniqueKey })),
    skipDuplicates: true,
  });
}
