import "server-only";
import nodemailer from "nodemailer";
import { prisma } from "@/lib/db/client";

// Every e-mail is first written to the OutboundEmail table (so nothing is lost if SMTP is down), then sent
// through SMTP_URL. `flushOutbox()` retries what is unsent. Dev and tests point SMTP_URL at the local catcher
// (scripts/mail-catcher.ts); production at the fund's relay.

const FROM = process.env.MAIL_FROM ?? "Caisse Démo <no-reply@demo.caisse.be>";

function transport() {
  const url = process.env.SMTP_URL;
  return url ? nodemailer.createTransport(url) : null;
}

export type EmailInput = {
  to: string;
  subject: string;
  text: string;
  template: string; // e.g. 'message.toAdvisor' — for tests and statistics
  affiliateId?: string | null;
  /** idempotency: the same key never sends twice (e.g. `reply:<messageId>`) */
  uniqueKey?: string;
};

/** The text with the value of every `token=` query parameter masked (activation, password reset). */
export function withoutTokens(text: string): string {
  return text.replace(/([?&]token=)[^\s&#]+/g, "$1(sent)");
}

/** Records the e-mail and tries to send it now. Returns false when it stays queued (no SMTP, or SMTP failed). */
export async function sendEmail(input: EmailInput): Promise<boolean> {
  if (input.uniqueKey) {
    const existing = await prisma.outboundEmail.findUnique({ where: { uniqueKey: input.uniqueKey } });
    if (existing) return existing.sentAt !== null;
  }
  const row = await prisma.outboundEmail.create({
    data: { to: input.to, subject: input.subject, text: input.text, template: input.template, affiliateId: input.affiliateId ?? null, uniqueKey: input.uniqueKey ?? null },
  });
  return deliver(row.id);
}

async function deliver(id: string): Promise<boolean> {
  const t = transport();
  if (!t) return false;
  const row = await prisma.outboundEmail.findUniqueOrThrow({ where: { id } });
  try {
    const headers = (row.headers ?? undefined) as Record<string, string> | undefined; // e.g. List-Unsubscribe (RFC 8058)
    await t.sendMail({ from: FROM, to: row.to, subject: row.subject, text: row.text, headers });
    // once sent, the outbox keeps no live token: whoever reads the table cannot activate or reset an account
    await prisma.outboundEmail.update({ where: { id }, data: { sentAt: new Date(), error: null, text: withoutTokens(row.text) } });
    return true;
  } catch (error) {
    await prisma.outboundEmail.update({ where: { id }, data: { error: error instanceof Error ? error.message : String(error) } });
    return false;
  }
}

/** Retries every unsent e-mail (run by a job); returns how many were sent. */
export async function flushOutbox(limit = 500): Promise<number> {
  const pending = await prisma.outboundEmail.findMany({ where: { sentAt: null }, orderBy: { createdAt: "asc" }, take: limit, select: { id: true } });
  let sent = 0;
  for (const p of pending) if (await deliver(p.id)) sent++;
  return sent;
}

/** Tries now the e-mails queued (inside a transaction, by lib/dal/internal/notify.ts) under these keys; what fails
 *  stays queued for the minute flush. */
export async function deliverQueued(uniqueKeys: readonly string[]): Promise<number> {
  if (uniqueKeys.length === 0) return 0;
  const rows = await prisma.outboundEmail.findMany({ where: { uniqueKey: { in: [...uniqueKeys] }, sentAt: null }, select: { id: true } });
  let sent = 0;
  for (const r of rows) if (await deliver(r.id)) sent++;
  return sent;
}
