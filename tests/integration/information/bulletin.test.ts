// The information bulletin on a real PostgreSQL (issue #18 part 4): who may write and publish it, a draft is nobody's
// to read, publishing queues one e-mail per subscribed affiliate in their language — once, however often it is
// published —, with a one-click unsubscribe link (HMAC) and the RFC 8058 headers; a published issue never changes.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import { testDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { AppError } from "@/lib/errors";
import { saveBulletin } from "@/lib/dal/bulletins/save-bulletin";
import { publishBulletin } from "@/lib/dal/bulletins/publish-bulletin";
import { getStaffBulletin } from "@/lib/dal/bulletins/get-staff-bulletin";
import { getPublishedBulletin } from "@/lib/dal/bulletins/get-published-bulletin";
import { listPublishedBulletins } from "@/lib/dal/bulletins/list-published-bulletins";
import { unsubscribeFromBulletin } from "@/lib/dal/bulletins/unsubscribe-from-bulletin";
import { setMyBulletinTopics } from "@/lib/dal/profile/set-my-bulletin-topics";
import { getMyBulletinTopics } from "@/lib/dal/profile/get-my-bulletin-topics";
import { unsubscribeSignature } from "@/lib/auth/unsubscribe-token";

const prisma = testDatabase();
const codeOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => (e instanceof AppError ? e.code : Promise.reject(e)));
const DRAFT = { topic: "CONTRIBUTIONS" as const, titleFr: "Nouveaux montants", bodyFr: "Les montants changent.\n\nLisez la suite.", titleNl: "", bodyNl: "" };

let n = 0;
async function reader(language: "fr" | "nl", topics: ("CONTRIBUTIONS" | "BENEFITS" | "FUND_NEWS")[], email = true) {
  const a = await affiliateWithCall(prisma, `Bulletin${++n}${language}`);
  await prisma.affiliate.update({ where: { id: a.affiliate.id }, data: { language, notificationPrefs: { email, sms: false, paper: false } } });
  await prisma.person.update({ where: { id: a.person.id }, data: { email: `reader${n}-${Date.now()}@mail.test` } });
  await setMyBulletinTopics(a.viewer, topics);
  return { ...a, email: (await prisma.person.findUniqueOrThrow({ where: { id: a.person.id } })).email! };
}

describe("information bulletin", () => {
  it("is written and published by advisors and managers only; anyone else gets a 404", async () => {
    const adv = await staffUser(prisma, "ADVISOR", "adv-b1");
    const mgr = await staffUser(prisma, "MANAGER", "mgr-b1");
    const admin = await staffUser(prisma, "ADMIN", "adm-b1");
    const a = await affiliateWithCall(prisma, "BulletinPerm");
    expect(await codeOf(saveBulletin(a.viewer, DRAFT))).toBe("notFound");
    expect(await codeOf(saveBulletin(admin.viewer, DRAFT))).toBe("notFound");
    expect(await codeOf(saveBulletin(null, DRAFT))).toBe("notFound");
    const { id } = await saveBulletin(adv.viewer, DRAFT);
    expect(await codeOf(publishBulletin(a.viewer, id))).toBe("notFound");
    expect(await codeOf(publishBulletin(admin.viewer, id))).toBe("notFound");
    expect(await codeOf(getStaffBulletin(a.viewer, id))).toBe("notFound");
    expect(await codeOf(getStaffBulletin(mgr.viewer, "no-such-issue"))).toBe("notFound");
    expect(await codeOf(publishBulletin(mgr.viewer, "no-such-issue"))).toBe("notFound");
    // a draft is nobody's to read on the public site
    expect(await codeOf(getPublishedBulletin(id, "fr"))).toBe("notFound");
    expect(await listPublishedBulletins("fr")).toEqual([]);
    expect((await publishBulletin(mgr.viewer, id)).alreadyPublished).toBe(false);
    expect((await getPublishedBulletin(id, "fr")).title).toBe("Nouveaux montants");
  });

  it("e-mails each subscriber of the topic who reads one of its languages and wants e-mails, once however often it is published", async () => {
    const mgr = await staffUser(prisma, "MANAGER", "mgr-b2");
    const fr = await reader("fr", ["CONTRIBUTIONS", "FUND_NEWS"]);
    const nl = await reader("nl", ["CONTRIBUTIONS"]); // the issue is in French only
    const otherTopic = await reader("fr", ["BENEFITS"]);
    const noEmail = await reader("fr", ["CONTRIBUTIONS"], false);
    const { id } = await saveBulletin(mgr.viewer, DRAFT);
    const runs = await Promise.all([publishBulletin(mgr.viewer, id), publishBulletin(mgr.viewer, id)]);
    expect(runs.map((r) => r.alreadyPublished).sort()).toEqual([false, true]);
    expect((await publishBulletin(mgr.viewer, id)).alreadyPublished).toBe(true);
    const mails = await prisma.outboundEmail.findMany({ where: { template: "bulletin.issue" } });
    expect(mails.map((m) => m.to)).toEqual([fr.email]);
    expect([nl, otherTopic, noEmail].every((r) => mails.every((m) => m.to !== r.email))).toBe(true);
    const [mail] = mails;
    expect(mail.subject).toBe("Bulletin d'information : Nouveaux montants");
    expect(mail.text).toContain("Les montants changent.");
    expect(mail.text).toContain(`/bulletin/${id}`);
    const sig = unsubscribeSignature(fr.affiliate.id, "CONTRIBUTIONS");
    expect(mail.text).toContain(`/bulletin/unsubscribe?a=${fr.affiliate.id}&topic=CONTRIBUTIONS&s=${sig}`);
    expect(mail.headers).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
    expect((mail.headers as Record<string, string>)["List-Unsubscribe"]).toMatch(/^<https?:\/\/.+\/api\/bulletin\/unsubscribe\?a=.+&topic=CONTRIBUTIONS&s=.+>$/);
    expect(mail.text).not.toMatch(/<img|pixel/i);
    // the same issue in Dutch reaches the Dutch-speaking reader too (a new issue: the first was sent)
    const both = await saveBulletin(mgr.viewer, { ...DRAFT, titleNl: "Nieuwe bedragen", bodyNl: "De bedragen veranderen." });
    expect((await publishBulletin(mgr.viewer, both.id)).queued).toBe(2);
    const nlMail = await prisma.outboundEmail.findFirstOrThrow({ where: { uniqueKey: `bulletin:${both.id}:${nl.affiliate.id}` } });
    expect(nlMail.subject).toBe("Informatieblad: Nieuwe bedragen");
  });

  it.skipIf(!process.env.SMTP_URL)("sends the e-mail over SMTP with its List-Unsubscribe headers", async () => {
    const mgr = await staffUser(prisma, "MANAGER", "mgr-b3");
    const fr = await reader("fr", ["FUND_NEWS"]);
    const { id } = await saveBulletin(mgr.viewer, { ...DRAFT, topic: "FUND_NEWS", titleFr: `Fermeture ${Date.now()}` });
    await publishBulletin(mgr.viewer, id);
    const dir = process.env.MAIL_CATCHER_DIR!;
    let found = null;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".eml"))) {
      const m = await simpleParser(fs.readFileSync(path.join(dir, file)));
      if ((m.to as { text: string } | undefined)?.text === fr.email) found = m;
    }
    expect(found).not.toBeNull();
    const line = (key: string) => found!.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n\s+/g, " ") ?? "";
    expect(line("list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(line("list-unsubscribe")).toContain(`/api/bulletin/unsubscribe?a=${fr.affiliate.id}&topic=FUND_NEWS&s=${unsubscribeSignature(fr.affiliate.id, "FUND_NEWS")}>`);
  });

  it("never changes a published issue", async () => {
    const adv = await staffUser(prisma, "ADVISOR", "adv-b4");
    const { id } = await saveBulletin(adv.viewer, DRAFT);
    await saveBulletin(adv.viewer, { ...DRAFT, id, titleFr: "Titre corrigé" });
    await publishBulletin(adv.viewer, id);
    expect(await codeOf(saveBulletin(adv.viewer, { ...DRAFT, id, titleFr: "Trop tard" }))).toBe("bulletinPublished");
    await expect(prisma.bulletin.update({ where: { id }, data: { titleFr: "En douce" } })).rejects.toThrow(/published bulletin cannot be changed/);
    await expect(prisma.bulletin.delete({ where: { id } })).rejects.toThrow(/published bulletin cannot be changed/);
    expect((await getPublishedBulletin(id, "nl")).title).toBe("Titre corrigé"); // shown in French to a Dutch reader
    expect((await getPublishedBulletin(id, "nl")).language).toBe("fr");
  });

  it("unsubscribes one topic by its signed link, without signing in; a forged or re-targeted link does nothing", async () => {
    const r = await reader("fr", ["CONTRIBUTIONS", "BENEFITS"]);
    const other = await reader("fr", ["CONTRIBUTIONS"]);
    const sig = unsubscribeSignature(r.affiliate.id, "CONTRIBUTIONS");
    expect(await unsubscribeFromBulletin({ a: r.affiliate.id, topic: "CONTRIBUTIONS", s: `${sig.slice(0, -2)}xx` })).toBeNull();
    expect(await unsubscribeFromBulletin({ a: r.affiliate.id, topic: "BENEFITS", s: sig })).toBeNull();
    expect(await unsubscribeFromBulletin({ a: other.affiliate.id, topic: "CONTRIBUTIONS", s: sig })).toBeNull();
    expect(await unsubscribeFromBulletin({ a: r.affiliate.id, topic: "CONTRIBUTIONS", s: unsubscribeSignature(r.affiliate.id, "CONTRIBUTIONS", "another-secret") })).toBeNull();
    expect(await getMyBulletinTopics(r.viewer)).toEqual(["CONTRIBUTIONS", "BENEFITS"]);
    expect(await unsubscribeFromBulletin({ a: r.affiliate.id, topic: "CONTRIBUTIONS", s: sig })).toEqual({ topic: "CONTRIBUTIONS" });
    expect(await unsubscribeFromBulletin({ a: r.affiliate.id, topic: "CONTRIBUTIONS", s: sig })).toEqual({ topic: "CONTRIBUTIONS" });
    expect(await getMyBulletinTopics(r.viewer)).toEqual(["BENEFITS"]);
    expect(await getMyBulletinTopics(other.viewer)).toEqual(["CONTRIBUTIONS"]);
  });

  it("keeps exactly the topics the affiliate ticks, for the affiliate only", async () => {
    const r = await reader("nl", ["FUND_NEWS"]);
    expect(await setMyBulletinTopics(r.viewer, ["BENEFITS", "CONTRIBUTIONS"])).toEqual(["CONTRIBUTIONS", "BENEFITS"]);
    expect(await getMyBulletinTopics(r.viewer)).toEqual(["CONTRIBUTIONS", "BENEFITS"]);
    const adv = await staffUser(prisma, "ADVISOR", "adv-b6");
    expect(await codeOf(setMyBulletinTopics(adv.viewer, ["BENEFITS"]))).toBe("notFound");
    expect(await codeOf(getMyBulletinTopics(null))).toBe("notFound");
  });
});
