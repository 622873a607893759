// E-mail goes through real SMTP (the local catcher started by scripts/with-db.ts) and is recorded first.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { flushOutbox, sendEmail } from "@/lib/mail/outbox";
import { prisma as appPrisma } from "@/lib/db/client";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));

async function delivered(subject: string) {
  const dir = process.env.MAIL_CATCHER_DIR!;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".eml"))) {
    const mail = await simpleParser(fs.readFileSync(path.join(dir, file)));
    if (mail.subject === subject) return mail;
  }
  return null;
}

describe("e-mail outbox", () => {
  it.skipIf(!process.env.SMTP_URL)("records the e-mail, delivers it over SMTP, never twice for one key", async () => {
    const subject = `Votre question a reçu une réponse ${Date.now()}`;
    const ok = await sendEmail({ to: "julie@example.be", subject, text: "Bonjour,\nvotre conseiller a répondu.", template: "test", uniqueKey: `k-${subject}` });
    expect(ok).toBe(true);
    const mail = await delivered(subject);
    expect(mail?.to && "text" in mail.to ? mail.to.text : "").toBe("julie@example.be");
    expect(mail?.text).toContain("votre conseiller a répondu");
    expect(await sendEmail({ to: "julie@example.be", subject, text: "x", template: "test", uniqueKey: `k-${subject}` })).toBe(true);
    expect(await prisma.outboundEmail.count()).toBe(1);
  });

  it("keeps an e-mail queued when SMTP is down, and sends it on the next flush", async () => {
    const saved = process.env.SMTP_URL;
    process.env.SMTP_URL = "smtp://127.0.0.1:1"; // nothing listens there
    try {
      expect(await sendEmail({ to: "a@example.be", subject: "queued", text: "t", template: "test" })).toBe(false);
    } finally {
      process.env.SMTP_URL = saved;
    }
    const row = await prisma.outboundEmail.findFirstOrThrow();
    expect(row.sentAt).toBeNull();
    expect(row.error).toBeTruthy();
    if (saved) {
      expect(await flushOutbox()).toBe(1);
      expect((await prisma.outboundEmail.findFirstOrThrow()).sentAt).not.toBeNull();
    }
  });
});
