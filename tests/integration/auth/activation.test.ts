// Account activation and password reset on a real PostgreSQL: processing an affiliation creates exactly one login
// and one welcome e-mail carrying a working activation link (never twice); the link sets the password once; the
// "forgot password" answer is the same for unknown addresses, which get no e-mail; disabled accounts cannot reset;
// reset e-mails are throttled per account.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { staffUser, UNUSABLE_HASH } from "../helpers/fixtures";
import { caughtMail } from "../../support/caught-mail";
import { makeNiss } from "@/prisma/factories";
import { fileAffiliationRequest } from "@/lib/dal/affiliation/file-affiliation-request";
import { portalAccessStatus } from "@/lib/dal/affiliation/get-portal-access-status";
import { welcomeNewAffiliate } from "@/lib/dal/affiliation/welcome-new-affiliate";
import { decideRequest } from "@/lib/dal/requests/decide-request";
import { affiliationSchema } from "@/lib/schemas/backoffice-affiliation";
import { activateAccountAction, forgotPasswordAction, resetPasswordAction } from "@/lib/actions/activation";
import { authenticate } from "@/lib/auth/options";
import { checkToken, RESET_MAX_PER_HOUR } from "@/lib/auth/activation";
import { verifyPassword } from "@/lib/auth/password";
import type { Viewer } from "@/lib/auth/viewer";
import { prisma as appPrisma } from "@/lib/db/client";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(async () => {
  await resetDatabase(prisma);
  await prisma.fund.create({
    data: { name: "Caisse test", iban: "BE68539007547034", bic: "GKCCBEBB", creditorId: "BE12ZZZ0456810810", managementFeeBp: 305, address: "Rue 1, 1000 Bruxelles", phone: "02 555 00 00", email: "info@test.be" },
  });
});

const today = "2026-11-28";
const NEW_PASSWORD = "une phrase assez longue";

function form(values: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.set(k, v);
  return fd;
}

/** Runs an action that redirects on success; returns the redirect target, or the action's result. */
async function redirected(p: Promise<unknown>): Promise<string | unknown> {
  try {
    return await p;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return digest.split(";")[2];
  }
}

const linkIn = (text: string, path: string) => {
  const m = text.match(new RegExp(`(\\S*/${path}\\?token=([A-Za-z0-9_-]+))`));
  return m ? { url: m[1], token: m[2] } : null;
};

async function acceptedAffiliation(advisor: Viewer, over: { email?: string; language?: "fr" | "nl"; seq?: number; knownWithoutEmail?: boolean } = {}) {
  const niss = makeNiss("1990-03-04", 101 + 2 * (over.seq ?? 0), "F");
  // the form requires an address, but a person already known to the fund keeps their record (here: without one)
  if (over.knownWithoutEmail) {
    await prisma.person.create({ data: { niss, firstName: "Lea", lastName: "Peeters", birthDate: new Date("1990-03-04"), sex: "F", street: "Markt 1", postalCode: "9000", city: "Gent" } });
  }
  const input = affiliationSchema.parse({
    firstName: "Lea", lastName: "Peeters", niss, email: over.email ?? "lea@example.test", phone: "", street: "Markt 1", postalCode: "9000", city: "Gent",
    language: over.language ?? "fr", startOn: "2026-10-01", category: "MAIN", helpedNiss: "", enterpriseNumber: "", companyName: "", iban: "", consent: "yes",
  });
  const { reference } = await fileAffiliationRequest(null, input, today);
  const r = await prisma.request.findUniqueOrThrow({ where: { reference } });
  await decideRequest(advisor, { requestId: r.id, decision: "start-review", reasonCode: "", text: "" }, today);
  await decideRequest(advisor, { requestId: r.id, decision: "accept", reasonCode: "", text: "" }, today);
  const affiliate = await prisma.affiliate.findFirstOrThrow({ where: { person: { niss } } });
  return { request: r, affiliate };
}

describe("activation of a new affiliate's account", () => {
  it("processing an affiliation creates one login and one e-mail whose link sets the password once", async () => {
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR", "anna");
    const since = Date.now();
    const { request, affiliate } = await acceptedAffiliation(advisor, { email: "Lea.Peeters@Example.test", language: "nl" });

    const users = await prisma.user.findMany({ where: { role: "AFFILIATE" } });
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ affiliateId: affiliate.id, email: "lea.peeters@example.test", name: "Lea Peeters", locale: "nl", disabledAt: null });
    const mails = await prisma.outboundEmail.findMany();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: "Lea.Peeters@Example.test", template: "affiliation.welcome", uniqueKey: `welcome:${affiliate.id}` });
    expect(mails[0].text).toContain("geldig gedurende 14 dagen"); // the Dutch activation paragraph
    expect(mails[0].text.trim().endsWith("Caisse test")).toBe(true); // before the signature
    // the outbox keeps no live token once the e-mail is sent; the person's mailbox (the catcher) has the link
    expect(mails[0].sentAt).not.toBeNull();
    expect(mails[0].text).toContain("/activate?token=(sent)");
    expect(linkIn(mails[0].text, "activate")).toBeNull();
    const link = linkIn((await caughtMail("lea.peeters@example.test", { since })).text, "activate");
    expect(link).not.toBeNull();
    expect(link!.url.startsWith(`${(process.env.NEXTAUTH_URL ?? "").replace(/\/$/, "")}/activate?token=`)).toBe(true);
    expect(await portalAccessStatus(advisor, request.id)).toBe("yes");

    // nobody can sign in before the activation (the first password is random)
    expect((await authenticate("lea.peeters@example.test", NEW_PASSWORD)).ok).toBe(false);

    // processing it again creates no second login and no second e-mail
    const again = await welcomeNewAffiliate(advisor, request.id, today);
    expect(again.userId).toBe(users[0].id);
    expect(await prisma.user.count({ where: { role: "AFFILIATE" } })).toBe(1);
    expect(await prisma.outboundEmail.count()).toBe(1);

    // bad input changes nothing: too short, then a confirmation that differs
    expect(await activateAccountAction(null, form({ token: link!.token, password: "court", confirm: "court" }))).toMatchObject({ ok: false, code: "validation", fieldErrors: { password: ["passwordTooShort"] } });
    expect(await activateAccountAction(null, form({ token: link!.token, password: NEW_PASSWORD, confirm: `${NEW_PASSWORD}!` }))).toMatchObject({ ok: false, fieldErrors: { confirm: ["confirmMismatch"] } });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: users[0].id } })).passwordHash).toBe(users[0].passwordHash);

    // a reset action does not accept an activation link
    expect(await resetPasswordAction(null, form({ token: link!.token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }))).toEqual({ ok: false, code: "invalidToken" });

    // the link sets the password, then the sign-in works
    expect(await checkToken(link!.token, "activation")).toBe(true);
    expect(await redirected(activateAccountAction(null, form({ token: link!.token, password: NEW_PASSWORD, confirm: NEW_PASSWORD })))).toBe("/login?activated=1");
    const signedIn = await authenticate("Lea.Peeters@example.test", NEW_PASSWORD);
    expect(signedIn.ok && signedIn.user.affiliateId).toBe(affiliate.id);

    // the same link no longer works (the password hash it was signed over has changed)
    expect(await checkToken(link!.token, "activation")).toBe(false);
    expect(await activateAccountAction(null, form({ token: link!.token, password: "une autre phrase longue", confirm: "une autre phrase longue" }))).toEqual({ ok: false, code: "invalidToken" });
    expect((await authenticate("lea.peeters@example.test", NEW_PASSWORD)).ok).toBe(true);
  });

  it("without an e-mail address, or with an address another account uses, no login is created and the advisor is told", async () => {
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR", "anna");
    const none = await acceptedAffiliation(advisor, { seq: 1, knownWithoutEmail: true });
    expect(await prisma.user.count({ where: { role: "AFFILIATE" } })).toBe(0);
    expect(await portalAccessStatus(advisor, none.request.id)).toBe("noEmail");

    const taken = await acceptedAffiliation(advisor, { seq: 2, email: "anna@staff.test.caisse.be" });
    expect(await prisma.user.count({ where: { role: "AFFILIATE" } })).toBe(0);
    expect(await portalAccessStatus(advisor, taken.request.id)).toBe("noLogin");
    const mail = await prisma.outboundEmail.findUniqueOrThrow({ where: { uniqueKey: `welcome:${taken.affiliate.id}` } });
    expect(mail.text).not.toContain("/activate?token="); // never a link to somebody else's account
    // anonymous callers may not read it
    await expect(portalAccessStatus(null, taken.request.id)).rejects.toThrow();
  });
});

describe("forgot password", () => {
  async function affiliateLogin(email: string, extra: { disabledAt?: Date } = {}) {
    return prisma.user.create({ data: { email, passwordHash: UNUSABLE_HASH, role: "AFFILIATE", name: "Marc Dupont", locale: "fr", ...extra } });
  }

  it("answers the same for an unknown address, which gets no e-mail; a known one gets a working one-hour link, once", async () => {
    const user = await affiliateLogin("marc@example.test");
    const since = Date.now();
    const unknown = await forgotPasswordAction(null, form({ email: "nobody@example.test" }));
    expect(await prisma.outboundEmail.count()).toBe(0);
    const known = await forgotPasswordAction(null, form({ email: "  Marc@Example.test " }));
    expect(known).toEqual(unknown);
    expect(known).toEqual({ ok: true, data: undefined });

    const mails = await prisma.outboundEmail.findMany();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: "marc@example.test", template: "auth.reset", subject: "Choisir un nouveau mot de passe" });
    expect(mails[0].text).toContain("valable 60 minutes");
    expect(mails[0].text).toContain("/reset-password?token=(sent)");
    const link = linkIn((await caughtMail("marc@example.test", { since })).text, "reset-password")!;
    // an activation action does not accept a reset link
    expect(await activateAccountAction(null, form({ token: link.token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }))).toEqual({ ok: false, code: "invalidToken" });
    // a failed sign-in counter is cleared by the reset
    await prisma.user.update({ where: { id: user.id }, data: { failedLogins: 5, lastFailedAt: new Date() } });
    expect(await redirected(resetPasswordAction(null, form({ token: link.token, password: NEW_PASSWORD, confirm: NEW_PASSWORD })))).toBe("/login?reset=1");
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ failedLogins: 0, lastFailedAt: null });
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await resetPasswordAction(null, form({ token: link.token, password: "encore une phrase longue", confirm: "encore une phrase longue" }))).toEqual({ ok: false, code: "invalidToken" });
  });

  it("bad input is refused with a field error", async () => {
    expect(await forgotPasswordAction(null, form({ email: "pas une adresse" }))).toMatchObject({ ok: false, code: "validation", fieldErrors: { email: ["emailInvalid"] } });
  });

  it("a disabled account gets no e-mail, and a link issued before the account was disabled no longer works", async () => {
    const user = await affiliateLogin("off@example.test");
    const since = Date.now();
    await forgotPasswordAction(null, form({ email: "off@example.test" }));
    const link = linkIn((await caughtMail("off@example.test", { since })).text, "reset-password")!;
    await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    await prisma.outboundEmail.deleteMany();
    expect(await forgotPasswordAction(null, form({ email: "off@example.test" }))).toEqual({ ok: true, data: undefined });
    expect(await prisma.outboundEmail.count()).toBe(0);
    expect(await checkToken(link.token, "reset")).toBe(false);
    expect(await resetPasswordAction(null, form({ token: link.token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }))).toEqual({ ok: false, code: "invalidToken" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(UNUSABLE_HASH);
  });

  it("sends at most a few reset e-mails per account and hour", async () => {
    await affiliateLogin("busy@example.test");
    for (let i = 0; i < RESET_MAX_PER_HOUR + 2; i++) expect(await forgotPasswordAction(null, form({ email: "busy@example.test" }))).toEqual({ ok: true, data: undefined });
    expect(await prisma.outboundEmail.count({ where: { template: "auth.reset" } })).toBe(RESET_MAX_PER_HOUR);
  });
});
