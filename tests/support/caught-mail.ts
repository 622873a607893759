// The e-mails the local mail catcher (scripts/mail-catcher.ts) received: one .eml per message under
// MAIL_CATCHER_DIR. Tests read links with live tokens here — the portal's outbox keeps no readable token once sent.
import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";

/** The newest e-mail to `to` (received at or after `since`, a Date.now() value), waiting for it up to `timeoutMs`. */
export async function caughtMail(to: string, options: { dir?: string; timeoutMs?: number; since?: number } = {}): Promise<{ subject: string; text: string }> {
  const dir = options.dir ?? process.env.MAIL_CATCHER_DIR;
  if (!dir) throw new Error("MAIL_CATCHER_DIR is unset: run the tests through scripts/with-db.ts");
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const since = (options.since ?? 0) - 1000; // file times have a coarser clock than Date.now()
  const wanted = to.toLowerCase();
  for (;;) {
    const files = (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".eml")) : [])
      .map((f) => ({ f, at: fs.statSync(path.join(dir, f)).mtimeMs }))
      .filter((x) => x.at >= since)
      .sort((a, b) => b.at - a.at); // newest first
    for (const { f } of files.slice(0, 200)) {
      const raw = fs.readFileSync(path.join(dir, f));
      if (!raw.toString("latin1").toLowerCase().includes(wanted)) continue;
      const mail = await simpleParser(raw);
      const recipients = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => (v.address ?? "").toLowerCase()));
      if (recipients.includes(wanted)) return { subject: mail.subject ?? "", text: mail.text ?? "" };
    }
    if (Date.now() > deadline) throw new Error(`no e-mail to ${to} in ${dir}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The link of an e-mail's text to the given page (e.g. "activate", "reset-password"). */
export function linkTo(text: string, page: string): string {
  const m = text.match(new RegExp(`https?://\\S+/${page}\\?token=[A-Za-z0-9_-]+`));
  if (!m) throw new Error(`no /${page} link in: ${text}`);
  return m[0];
}
