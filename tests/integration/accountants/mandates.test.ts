// Accountants with a mandate (issue #17), on a real PostgreSQL: what a mandate opens and nothing beyond, revocation at
// once, filing on the client's behalf recorded as the accountant's, the request/answer flow, the portfolio's figures,
// notices copied to the accountant, and two clicks at once leaving one mandate.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall, createTestFund, staffUser, UNUSABLE_HASH, viewerOf } from "../helpers/fixtures";
import { createUser } from "@/prisma/factories";
import { prisma as appPrisma } from "@/lib/db/client";
import { NotFoundError, AppError } from "@/lib/errors";
import { accountantViewer } from "@/lib/auth/acting";
import { grantMyAccountantMandate } from "@/lib/dal/accountants/grant-my-accountant-mandate";
import { revokeMyAccountantMandate } from "@/lib/dal/accountants/revoke-my-accountant-mandate";
import { askClientMandate } from "@/lib/dal/accountants/ask-client-mandate";
import { answerMandateRequest } from "@/lib/dal/accountants/answer-mandate-request";
import { listMyAccountantMandates } from "@/lib/dal/accountants/list-my-accountant-mandates";
import { listMyPortfolio } from "@/lib/dal/accountants/list-my-portfolio";
import { openClientFile } from "@/lib/dal/accountants/open-client-file";
import { getMyOverview } from "@/lib/dal/account/get-my-overview";
import { getMyCall } from "@/lib/dal/account/get-my-call";
import { getMyPaymentInstructions } from "@/lib/dal/account/get-my-payment-instructions";
import { listMyDocuments } from "@/lib/dal/documents/list-my-documents";
import { listMyRequests } from "@/lib/dal/requests/list-my-requests";
import { getMyRequest } from "@/lib/dal/requests/get-my-request";
import { listMyNotifications } from "@/lib/dal/account/list-my-notifications";
import { getMyProfile } from "@/lib/dal/profile/get-my-profile";
import { listMyDossierConsultations } from "@/lib/dal/profile/list-my-dossier-consultations";
import { askMyAdvisor } from "@/lib/dal/requests/ask-my-advisor";
import { searchDossiers } from "@/lib/dal/dossiers/search-dossiers";
import { notify } from "@/lib/dal/internal/notify";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(async () => {
  await resetDatabase(prisma);
  await createTestFund(prisma);
});

const TODAY = "2026-02-15";
let n = 0;
async function accountant(itaa = "50123456") {
  n++;
  const user = await createUser(prisma, { email: `acc${n}@test.caisse.be`, passwordHash: UNUSABLE_HASH, role: "ACCOUNTANT", name: `Comptable ${n}` });
  await prisma.user.update({ where: { id: user.id }, data: { itaaNumber: itaa } });
  return { user, portfolio: viewerOf(user), actingFor: (clientId: string | null) => accountantViewer(user, clientId, TODAY) };
}
const grant = (viewer: Parameters<typeof grantMyAccountantMandate>[0], over: Partial<Parameters<typeof grantMyAccountantMandate>[2]> = {}) =>
  grantMyAccountantMandate(viewer, TODAY, { itaaNumber: "50123456", canFileRequests: false, receivesNotices: false, validFrom: TODAY, validUntil: null, ...over });

/** The "my" functions an affiliate's pages use, as a reader of the file calls them. */
const readers = (callId: string) => [
  (v: never) => getMyOverview(v, TODAY),
  (v: never) => getMyCall(v, callId),
  (v: never) => getMyPaymentInstructions(v),
  (v: never) => listMyDocuments(v),
  (v: never) => listMyRequests(v),
  (v: never) => listMyNotifications(v),
];

describe("an accountant's mandate", () => {
  it("opens the client's file within its rights, and nothing else: another client, the profile, filing — 404", async () => {
    const julie = await affiliateWithCall(prisma, "Julie");
    const other = await affiliateWithCall(prisma, "Other");
    const acc = await accountant();
    await grant(julie.viewer);
    const acting = await acc.actingFor(julie.affiliate.id);
    expect(acting.onBehalf).toMatchObject({ canFileRequests: false, clientName: "Test Julie" });
    for (const read of readers(julie.call.id)) await expect(read(acting as never)).resolves.toBeTruthy();
    // another affiliate's call through the client's file, and another affiliate's file altogether
    await expect(getMyCall(acting, other.call.id)).rejects.toBeInstanceOf(NotFoundError);
    const notMine = await acc.actingFor(other.affiliate.id);
    expect(notMine.affiliateId).toBeNull();
    for (const read of readers(other.call.id)) await expect(read(notMine as never)).rejects.toBeInstanceOf(NotFoundError);
    // what only the affiliate does: the profile, the mandates, the consultations log; filing without the right
    await expect(getMyProfile(acting)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listMyAccountantMandates(acting, TODAY)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listMyDossierConsultations(acting)).rejects.toBeInstanceOf(NotFoundError);
    await expect(askMyAdvisor(acting, TODAY, { kind: "QUESTION", subject: "Une question", body: "Une question sur le trimestre, posée pour ma cliente." })).rejects.toBeInstanceOf(NotFoundError);
    // staff functions stay closed to an accountant
    await expect(searchDossiers(acting, "Julie")).rejects.toBeInstanceOf(NotFoundError);
    await expect(openClientFile(acc.portfolio, other.affiliate.id, TODAY)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("files on the client's behalf when granted; the request says who filed it; the visit is in the client's log", async () => {
    const julie = await affiliateWithCall(prisma, "Julie");
    const acc = await accountant();
    await grant(julie.viewer, { canFileRequests: true });
    await openClientFile(acc.portfolio, julie.affiliate.id, TODAY);
    await openClientFile(acc.portfolio, julie.affiliate.id, TODAY); // the same visit: logged once
    const filed = await askMyAdvisor(await acc.actingFor(julie.affiliate.id), TODAY, { kind: "QUESTION", subject: "Trimestre", body: "Une question sur le premier trimestre, pour ma cliente." });
    const seen = await getMyRequest(julie.viewer, filed.reference);
    expect(seen.events[0]).toMatchObject({ toStatus: "SUBMITTED", byAccountant: acc.user.name });
    expect(seen.thread?.messages[0]).toMatchObject({ byAccountant: true, fromFund: false, mine: false });
    const log = await listMyDossierConsultations(julie.viewer);
    expect(log.filter((l) => l.what === "client-file.view")).toEqual([expect.objectContaining({ staffName: acc.user.name, reason: "accountantMandate" })]);
  });

  it("ends at once when the affiliate revokes it; a foreign affiliate cannot revoke it", async () => {
    const julie = await affiliateWithCall(prisma, "Julie");
    const other = await affiliateWithCall(prisma, "Other");
    const acc = await accountant();
    const { id } = await grant(julie.viewer, { canFileRequests: true });
    expect((await listMyPortfolio(acc.portfolio, TODAY)).clients.map((c) => c.affiliateId)).toEqual([julie.affiliate.id]);
    await expect(revokeMyAccountantMandate(other.viewer, id)).rejects.toBeInstanceOf(NotFoundError);
    await revokeMyAccountantMandate(julie.viewer, id);
    const after = await acc.actingFor(julie.affiliate.id);
    for (const read of readers(julie.call.id)) await expect(read(after as never)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listMyPortfolio(acc.portfolio, TODAY)).clients).toEqual([]);
    expect((await listMyAccountantMandates(julie.viewer, TODAY))[0].state).toBe("REVOKED");
  });

  it("holds only between its dates", async () => {
    const julie = await affiliateWithCall(prisma, "Julie");
    const acc = await accountant();
    await grant(julie.viewer, { validFrom: "2026-03-01", validUntil: "2026-06-30" });
    expect((await acc.actingFor(julie.affiliate.id)).affiliateId).toBeNull();
    expect((await accountantViewer(acc.user, julie.affiliate.id, "2026-03-01")).affiliateId).toBe(julie.affiliate.id);
    expect((await accountantViewer(acc.user, julie.affiliate.id, "2026-07-01")).affiliateId).toBeNull();
    expect((await listMyAccountantMandates(julie.viewer, TODAY))[0].state).toBe("UPCOMING");
  });

  it("is refused for an unknown ITAA number, a start in the past, or to anyone but the affiliate", async () => {
    const julie = await affiliateWithCall(prisma, "Julie");
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR");
    await accountant();
    await expect(grant(julie.viewer, { itaaNumber: "99999999" })).rejects.toMatchObject({ kind: "invalid", fieldErrors: { itaaNumber: ["itaaUnknown"] } });
    await expect(grant(julie.viewer, { validFrom: "2026-01-01" })).rejects.toMatchObject({ fieldErrors: { validFrom: ["fromInPast"] } });
    await expect(grant(advisor)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("two clicks at once give one mandate; the second is told it already exists", async () => {
    const julie = await affiliateWithCall(prisma, "Julie");
    await accountant();
    const results = await Promise.allSettled([grant(julie.viewer), grant(julie.viewer)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason).toBeInstanceOf(AppError);
    expect(failed.reason.code).toBe("mandateOpen");
    expect(await prisma.accountantMandate.count()).toBe(1);
  });
});

describe("an accountant asking for a mandate", () => {
  it("says the same whether the number is known or not; the affiliate is told, accepts once, the accountant is told", async () => {
    const julie = await affiliateWithCall(prisma, "Julie");
    const acc = await accountant();
    await expect(askClientMandate(acc.portfolio, TODAY, { identifier: "85073003361", canFileRequests: true, receivesNotices: false, validUntil: null })).resolves.toBeUndefined();
    expect(await prisma.accountantMandate.count()).toBe(0);
    await askClientMandate(acc.portfolio, TODAY, { identifier: julie.person.niss, canFileRequests: true, receivesNotices: true, validUntil: null });
    await askClientMandate(acc.portfolio, TODAY, { identifier: julie.person.niss, canFileRequests: true, receivesNotices: true, validUntil: null }); // twice: one request
    const [asked] = await listMyAccountantMandates(julie.viewer, TODAY);
    expect(asked).toMatchObject({ state: "REQUESTED", accountantName: acc.user.name, askedByAccountant: true });
    expect(await prisma.notification.count({ where: { affiliateId: julie.affiliate.id, kind: "mandateAsked" } })).toBe(1);
    expect((await acc.actingFor(julie.affiliate.id)).affiliateId).toBeNull();
    // two answers at once: one counts
    const answers = await Promise.allSettled([answerMandateRequest(julie.viewer, asked.id, "accept"), answerMandateRequest(julie.viewer, asked.id, "refuse")]);
    expect(answers.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const status = (await prisma.accountantMandate.findUniqueOrThrow({ where: { id: asked.id } })).status;
    expect(["ACTIVE", "REFUSED"]).toContain(status);
    const mail = await prisma.outboundEmail.findMany({ where: { to: acc.user.email } });
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toContain("Test Julie");
  });
});

describe("the portfolio", () => {
  it("shows what each client owes and when, filtered, and copies the notices to an accountant who receives them", async () => {
    const julie = await affiliateWithCall(prisma, "Julie");
    const marc = await affiliateWithCall(prisma, "Marc");
    const acc = await accountant();
    await grant(julie.viewer, { receivesNotices: true });
    await grant(marc.viewer);
    const due = await listMyPortfolio(acc.portfolio, TODAY);
    expect(due.clients.map((c) => [c.name, c.owedCents, c.overdueCents, c.nextDueOn])).toEqual([
      ["Test Julie", julie.contribution.totalCents, 0, "2026-03-31"],
      ["Test Marc", marc.contribution.totalCents, 0, "2026-03-31"],
    ]);
    const late = await listMyPortfolio(acc.portfolio, "2026-04-02", "overdue");
    expect(late.clients.map((c) => c.overdueCents)).toEqual([julie.contribution.totalCents, marc.contribution.totalCents]);
    expect((await listMyPortfolio(acc.portfolio, TODAY, "overdue")).clients).toEqual([]);
    await expect(listMyPortfolio(julie.viewer, TODAY)).rejects.toBeInstanceOf(NotFoundError);
    // a notice to Julie reaches her and, as a copy, her accountant; Marc's accountant gets none of his
    await prisma.$transaction((tx) => notify(tx, { affiliateId: julie.affiliate.id, kind: "information", values: { reference: "D-2026-000001", dueOn: "2026-03-01" }, path: "/me", uniqueKey: "t:1" }));
    await prisma.$transaction((tx) => notify(tx, { affiliateId: marc.affiliate.id, kind: "information", values: { reference: "D-2026-000002", dueOn: "2026-03-01" }, path: "/me", uniqueKey: "t:2" }));
    const copies = await prisma.outboundEmail.findMany({ where: { to: acc.user.email } });
    expect(copies.map((c) => c.uniqueKey)).toEqual([`t:1:accountant:${acc.user.id}`]);
    expect(copies[0].subject.startsWith("Test Julie — ")).toBe(true);
  });
});
