// Issue 6, parts 4 and 5 follow-ups on a real PostgreSQL: an affiliation processed into a dossier gets its welcome
// pack, one provisional call per quarter and a welcome e-mail (never twice); a payment plan accepted outside policy
// with the second approval is put in force and suspends the recovery; exemptions and surcharge waivers go to INASTI
// and its decision is recorded, cancelling what it granted in the ledger (never twice, never another dossier's).
import zlib from "node:zlib";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { dbDate, makeNiss } from "@/prisma/factories";
import { fileAffiliationRequest } from "@/lib/dal/affiliation/file-affiliation-request";
import { welcomeNewAffiliate } from "@/lib/dal/affiliation/welcome-new-affiliate";
import { approveSecond } from "@/lib/dal/requests/approve-second";
import { decideRequest } from "@/lib/dal/requests/decide-request";
import { getRequestForStaff } from "@/lib/dal/requests/get-request-for-staff";
import { listWorkQueue } from "@/lib/dal/requests/list-work-queue";
import { forwardToInasti } from "@/lib/dal/requests/forward-to-inasti";
import { recordInastiDecision } from "@/lib/dal/requests/record-inasti-decision";
import { outstandingByCall } from "@/lib/dal/internal/owed";
import { affiliationSchema } from "@/lib/schemas/backoffice-affiliation";
import { charterDeadlines, isValidStructuredCommunication } from "@/lib/domain";
import { prisma as appPrisma } from "@/lib/db/client";
import { AppError, NotFoundError } from "@/lib/errors";

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

const expectCode = async (p: Promise<unknown>, code: string) => {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
};

/** The text drawn by pdfkit (Flate streams, hex strings in TJ arrays). */
function pdfText(pdf: Uint8Array): string {
  const buf = Buffer.from(pdf);
  const raw = buf.toString("latin1");
  let text = "";
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    if (end < 0) break;
    let body: Buffer;
    try {
      body = zlib.inflateSync(buf.subarray(start, end));
    } catch {
      continue;
    }
    for (const line of body.toString("latin1").split("\n")) {
      if (!/T[Jj]\s*$/.test(line)) continue;
      for (const hex of line.matchAll(/<([0-9a-fA-F]+)>/g)) text += Buffer.from(hex[1], "hex").toString("latin1");
      text += " ";
    }
  }
  return text.replace(/\s+/g, " ");
}

let seq = 0;
async function request(affiliateId: string, type: "PAYMENT_PLAN" | "EXEMPTION" | "SURCHARGE_WAIVER" | "BRIDGING_RIGHT", payload: object, reference = `D-2026-${String(900 + ++seq).padStart(6, "0")}`) {
  const d = charterDeadlines({ filedOn: "2026-11-02" });
  return prisma.request.create({
    data: {
      reference, type, status: "IN_REVIEW", affiliateId, payload, filedOn: dbDate("2026-11-02"), decisionDueOn: dbDate(d.decisionDueOn), events: { create: [{ toStatus: "SUBMITTED" }] },
      // a bridging right is filed with its claim (the database refuses one without it)
      ...(type === "BRIDGING_RIGHT" ? { benefitClaim: { create: { affiliateId, type, status: "CLAIMED" as const, filedOn: dbDate("2026-11-02") } } } : {}),
    },
  });
}

describe("affiliation → welcome pack, first calls, welcome e-mail", () => {
  it("the processed affiliate has the pack in their language, one call per quarter since the start, one e-mail — and nothing twice", async () => {
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR", "anna");
    const niss = makeNiss("1991-03-04", 151, "F");
    const input = affiliationSchema.parse({
      firstName: "Lea", lastName: "Peeters", niss, email: "lea@example.test", phone: "", street: "Markt 1", postalCode: "9000", city: "Gent",
      language: "nl", startOn: "2026-05-15", category: "MAIN", helpedNiss: "", enterpriseNumber: "", companyName: "", iban: "", consent: "yes",
    });
    const { reference } = await fileAffiliationRequest(null, input, today);
    const r = await prisma.request.findUniqueOrThrow({ where: { reference } });
    await decideRequest(advisor, { requestId: r.id, decision: "start-review", reasonCode: "", text: "" }, today);
    await decideRequest(advisor, { requestId: r.id, decision: "accept", reasonCode: "accepted", text: "" }, today);
    const a = await prisma.affiliate.findFirstOrThrow({ where: { person: { niss } } });

    // the welcome pack: a WELCOME_PACK document of the dossier (hence in /me/documents), in Dutch
    const pack = await prisma.document.findFirstOrThrow({ where: { affiliateId: a.id, kind: "WELCOME_PACK" } });
    expect(pack).toMatchObject({ mimeType: "application/pdf", uniqueKey: `welcome:${a.id}`, requestId: r.id });
    const text = pdfText(pack.content!);
    expect(text).toContain(`Welkom bij Caisse test`);
    expect(text).toContain(a.memberNumber);
    expect(text).toContain("Zelfstandige in hoofdberoep"); // the category, from the common catalogue
    expect(text).toContain("anna"); // the advisor who processed it is the dossier's contact
    expect(text).toContain("BE68 5390 0754 7034");
    expect(text).toContain("/guides/starting");
    expect(text).toContain("/simulator");
    expect(text).toContain("45 dagen");

    // the first calls: Q2, Q3 and Q4 2026 (start 15 May, today 28 November), one each, with their ledger entries
    const calls = await prisma.contributionCall.findMany({ where: { affiliateId: a.id }, orderBy: { quarter: "asc" } });
    expect(calls.map((c) => [c.year, c.quarter, c.kind])).toEqual([[2026, 2, "PROVISIONAL"], [2026, 3, "PROVISIONAL"], [2026, 4, "PROVISIONAL"]]);
    expect(calls.every((c) => c.totalCents > 0)).toBe(true);
    expect(await prisma.ledgerEntry.count({ where: { affiliateId: a.id, kind: "CALL" } })).toBe(3);
    expect(await prisma.jobRun.count({ where: { job: "quarterly-calls", startedById: advisor.userId } })).toBe(3);

    // the welcome e-mail, in Dutch
    const mail = await prisma.outboundEmail.findUniqueOrThrow({ where: { uniqueKey: `welcome:${a.id}` } });
    expect(mail).toMatchObject({ to: "lea@example.test", template: "affiliation.welcome", affiliateId: a.id });
    expect(mail.subject).toContain(a.memberNumber);
    expect(mail.text).toContain("Mijn documenten");
    expect(mail.text).toContain("sinds 15 mei 2026"); // the date in words, never 2026-05-15

    // processing it again creates nothing twice (no pack, no call, no job run, no e-mail)
    const before = await Promise.all([prisma.document.count(), prisma.contributionCall.count(), prisma.jobRun.count(), prisma.outboundEmail.count(), prisma.ledgerEntry.count()]);
    const again = await welcomeNewAffiliate(advisor, r.id, today);
    expect(again).toMatchObject({ affiliateId: a.id, welcomePackId: pack.id, quarters: ["2026-Q2", "2026-Q3", "2026-Q4"], callsCreated: 0 });
    expect(await Promise.all([prisma.document.count(), prisma.contributionCall.count(), prisma.jobRun.count(), prisma.outboundEmail.count(), prisma.ledgerEntry.count()])).toEqual(before);
    expect((await getRequestForStaff(advisor, r.id, today)).welcome).toEqual({ pack: true, quarters: 3, email: true });
    // a second decision on the same request is refused by the state machine
    await expectCode(decideRequest(advisor, { requestId: r.id, decision: "accept", reasonCode: "", text: "" }, today), "transitionNotAllowed");
    // only staff who decide may run it; a request that is not an accepted affiliation is refused
    await expect(welcomeNewAffiliate(null, r.id, today)).rejects.toBeInstanceOf(NotFoundError);
    const other = await affiliateWithCall(prisma, "Other");
    await expect(welcomeNewAffiliate(other.viewer, r.id, today)).rejects.toBeInstanceOf(NotFoundError);
    const plan = await request(other.affiliate.id, "PAYMENT_PLAN", {});
    await expect(welcomeNewAffiliate(advisor, plan.id, today)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a complementary activity without income owes no call yet; a French affiliate gets the French pack and e-mail", async () => {
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR", "anna");
    const niss = makeNiss("1993-07-08", 161, "M");
    const input = affiliationSchema.parse({
      firstName: "Hugo", lastName: "Lambert", niss, email: "hugo@example.test", phone: "", street: "Rue Haute 5", postalCode: "1000", city: "Bruxelles",
      language: "fr", startOn: "2026-12-01", category: "COMPLEMENTARY", helpedNiss: "", enterpriseNumber: "", companyName: "", iban: "", consent: "yes",
    });
    const { reference } = await fileAffiliationRequest(null, input, today);
    const r = await prisma.request.findUniqueOrThrow({ where: { reference } });
    await decideRequest(advisor, { requestId: r.id, decision: "start-review", reasonCode: "", text: "" }, today);
    await decideRequest(advisor, { requestId: r.id, decision: "accept", reasonCode: "", text: "" }, today);
    const a = await prisma.affiliate.findFirstOrThrow({ where: { person: { niss } } });
    const pack = await prisma.document.findFirstOrThrow({ where: { affiliateId: a.id, kind: "WELCOME_PACK" } });
    const text = pdfText(pack.content!);
    expect(text).toContain("Bienvenue à Caisse test");
    expect(text).toContain("Indépendant à titre complémentaire");
    expect(text).toContain("dans les 45 jours");
    // the quarterly run was made for 2026-Q4 and found the contribution below the complementary threshold
    expect(await prisma.contributionCall.count({ where: { affiliateId: a.id } })).toBe(0);
    const run = await prisma.jobRun.findFirstOrThrow({ where: { job: "quarterly-calls" } });
    expect(run).toMatchObject({ status: "SUCCEEDED", params: { quarter: "2026-Q4", affiliateId: a.id } });
    expect(run.counts).toMatchObject({ subjects: 1, belowThreshold: 1, created: 0 });
    const mail = await prisma.outboundEmail.findUniqueOrThrow({ where: { uniqueKey: `welcome:${a.id}` } });
    expect(mail.subject).toBe(`Bienvenue à Caisse test — votre numéro d'affilié ${a.memberNumber}`);
    expect(mail.text).toContain("dès qu'une cotisation est due");
    // without an e-mail address (removed since), completing it again sends nothing and says so
    await prisma.person.update({ where: { niss }, data: { email: null } });
    await prisma.outboundEmail.deleteMany();
    expect((await welcomeNewAffiliate(advisor, r.id, today)).emailQueued).toBe(false);
    expect(await prisma.outboundEmail.count()).toBe(0);
    expect((await getRequestForStaff(advisor, r.id, today)).welcome).toEqual({ pack: true, quarters: 0, email: null });
  });
});

describe("payment plan outside policy → plan in force", () => {
  it("the second approval puts the plan in force with its instalments and communications, and suspends the recovery", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const { viewer: proposer } = await staffUser(prisma, "ADVISOR", "anna");
    const { viewer: second } = await staffUser(prisma, "ADVISOR", "bert");
    const recovery = await prisma.recoveryCase.create({
      data: {
        affiliateId: a.affiliate.id, status: "OPEN", currentStep: "FORMAL_NOTICE", debtCents: 300_000, oldestDueOn: dbDate("2026-03-31"), openedOn: dbDate("2026-04-15"),
        steps: { create: [{ kind: "REMINDER", on: dbDate("2026-04-15") }, { kind: "FORMAL_NOTICE", on: dbDate("2026-06-15") }] },
      },
    });
    const closedCase = await prisma.recoveryCase.create({
      data: { affiliateId: a.affiliate.id, status: "CLOSED", currentStep: "CLOSED", debtCents: 0, oldestDueOn: dbDate("2024-03-31"), openedOn: dbDate("2024-04-15"), closedOn: dbDate("2024-12-01") },
    });
    const r = await request(a.affiliate.id, "PAYMENT_PLAN", { debtCents: 300_000, advanceCents: 30_000, months: 24 }, "D-2026-000042");
    await decideRequest(proposer, { requestId: r.id, decision: "accept", reasonCode: "planOutsidePolicy", text: "Situation médicale" }, today);
    expect(await prisma.paymentPlan.count()).toBe(0); // nothing before the second pair of eyes
    await approveSecond(second, { requestId: r.id, approve: true, reason: "" }, today);

    const plan = await prisma.paymentPlan.findUniqueOrThrow({ where: { requestId: r.id }, include: { instalments: { orderBy: { seq: "asc" } } } });
    expect(plan).toMatchObject({ affiliateId: a.affiliate.id, status: "ACTIVE", debtCents: 300_000, advanceCents: 30_000, months: 24 });
    expect(plan.startOn.toISOString().slice(0, 10)).toBe(today);
    expect(plan.instalments).toHaveLength(25);
    expect(plan.instalments[0]).toMatchObject({ seq: 0, amountCents: 30_000 });
    expect(plan.instalments[0].dueOn.toISOString().slice(0, 10)).toBe("2026-12-13");
    expect(plan.instalments[1].dueOn.toISOString().slice(0, 10)).toBe("2026-12-28");
    expect(plan.instalments[24].dueOn.toISOString().slice(0, 10)).toBe("2028-11-28");
    expect(plan.instalments.reduce((s, i) => s + i.amountCents, 0)).toBe(300_000);
    // the same communications as the affiliate's own plans: 8, last digit of the year, serial, instalment number
    expect(plan.instalments[3].structuredCommunication.slice(0, 10)).toBe("8600004203");
    for (const i of plan.instalments) expect(isValidStructuredCommunication(i.structuredCommunication)).toBe(true);

    const suspended = await prisma.recoveryCase.findUniqueOrThrow({ where: { id: recovery.id }, include: { steps: { orderBy: { id: "asc" } } } });
    expect(suspended).toMatchObject({ status: "SUSPENDED", currentStep: "SUSPENDED" });
    expect(suspended.steps.at(-1)).toMatchObject({ kind: "SUSPENDED", actorId: second.userId, note: `plan:${plan.id}` });
    expect((await prisma.recoveryCase.findUniqueOrThrow({ where: { id: closedCase.id } })).status).toBe("CLOSED");
  });

  it("a request with another reference form still gets unique valid communications; a rejected proposal creates nothing", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const { viewer: proposer } = await staffUser(prisma, "ADVISOR", "anna");
    const { viewer: manager } = await staffUser(prisma, "ADVISOR", "mona");
    const r1 = await request(a.affiliate.id, "PAYMENT_PLAN", { debtCents: 200_000, advanceCents: 20_000, months: 18 }, "E-2026-00000001");
    const r2 = await request(a.affiliate.id, "PAYMENT_PLAN", { debtCents: 200_000, advanceCents: 20_000, months: 18 }, "E-2026-00000002");
    await decideRequest(proposer, { requestId: r2.id, decision: "accept", reasonCode: "planOutsidePolicy", text: "" }, today);
    await approveSecond(manager, { requestId: r2.id, approve: false, reason: "non" }, today);
    expect(await prisma.paymentPlan.count()).toBe(0);
    for (const r of [r1, r2]) {
      await decideRequest(proposer, { requestId: r.id, decision: "accept", reasonCode: "planOutsidePolicy", text: "" }, today);
      await approveSecond(manager, { requestId: r.id, approve: true, reason: "" }, today);
    }
    const communications = (await prisma.instalment.findMany()).map((i) => i.structuredCommunication);
    expect(communications).toHaveLength(38);
    expect(new Set(communications).size).toBe(38);
    for (const c of communications) expect(isValidStructuredCommunication(c)).toBe(true);
  });

  it("impossible terms (an advance above the debt) are refused and leave the request awaiting approval", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const { viewer: proposer } = await staffUser(prisma, "ADVISOR", "anna");
    const { viewer: second } = await staffUser(prisma, "ADVISOR", "bert");
    const r = await request(a.affiliate.id, "PAYMENT_PLAN", { debtCents: 100_000, advanceCents: 150_000, months: 3 });
    await decideRequest(proposer, { requestId: r.id, decision: "accept", reasonCode: "planOutsidePolicy", text: "" }, today);
    await expectCode(approveSecond(second, { requestId: r.id, approve: true, reason: "" }, today), "planImpossible");
    expect((await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("AWAITING_SECOND_APPROVAL");
    expect(await prisma.paymentPlan.count()).toBe(0);
  });
});

describe("INASTI-decided requests", () => {
  async function withSurcharges() {
    const a = await affiliateWithCall(prisma, "Alpha");
    const other = await affiliateWithCall(prisma, "Bravo");
    const entries = [
      { amountCents: 2_000, on: "2026-03-31", key: "q1" },
      { amountCents: 2_000, on: "2026-06-30", key: "q2" },
    ];
    for (const e of entries)
      await prisma.ledgerEntry.create({ data: { affiliateId: a.affiliate.id, kind: "SURCHARGE", amountCents: e.amountCents, bookedOn: dbDate(e.on), callId: a.call.id, reasonCode: "surcharge.quarterly", uniqueKey: `surcharge:${a.call.id}:${e.key}` } });
    await prisma.ledgerEntry.create({ data: { affiliateId: other.affiliate.id, kind: "SURCHARGE", amountCents: 3_000, bookedOn: dbDate("2026-03-31"), callId: other.call.id, reasonCode: "surcharge.quarterly" } });
    return { a, other };
  }
  const balance = async (affiliateId: string) => (await prisma.ledgerEntry.aggregate({ where: { affiliateId }, _sum: { amountCents: true } }))._sum.amountCents ?? 0;

  it("a surcharge waiver is forwarded, then INASTI's acceptance cancels the listed calls' surcharges once, in this dossier only", async () => {
    const { a, other } = await withSurcharges();
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR", "anna");
    const { viewer: manager } = await staffUser(prisma, "MANAGER", "mona");
    const r = await request(a.affiliate.id, "SURCHARGE_WAIVER", { callIds: [a.call.id, other.call.id], ground: "illness", motivation: "Hospitalisée en mars." });
    // the fund does not decide it itself
    await expectCode(decideRequest(advisor, { requestId: r.id, decision: "accept", reasonCode: "", text: "" }, today), "transitionNotAllowed");
    expect((await getRequestForStaff(advisor, r.id, today)).decisions).toEqual(["ask-information"]);
    expect((await getRequestForStaff(advisor, r.id, today)).inasti).toMatchObject({ step: "forward", track: null, calls: [{ id: a.call.id }] });
    // bad input and wrong people
    await expectCode(forwardToInasti(advisor, { requestId: r.id, sentOn: "2026-11-29" }, today), "dateInvalid");
    await expect(forwardToInasti(manager, { requestId: r.id, sentOn: today }, today)).rejects.toBeInstanceOf(NotFoundError);
    await expect(forwardToInasti(a.viewer, { requestId: r.id, sentOn: today }, today)).rejects.toBeInstanceOf(NotFoundError);
    await expect(forwardToInasti(advisor, { requestId: "missing", sentOn: today }, today)).rejects.toBeInstanceOf(NotFoundError);
    await expectCode(recordInastiDecision(advisor, { requestId: r.id, outcome: "accepted", decidedOn: today, inastiReference: "X", note: "" }, today), "transitionNotAllowed");

    await forwardToInasti(advisor, { requestId: r.id, sentOn: "2026-11-20" }, today);
    const forwarded = await prisma.request.findUniqueOrThrow({ where: { id: r.id } });
    expect(forwarded).toMatchObject({ status: "FORWARDED", decidedById: advisor.userId });
    expect(forwarded.decidedAt).not.toBeNull();
    expect(await prisma.requestEvent.findFirstOrThrow({ where: { requestId: r.id }, orderBy: { id: "desc" } })).toMatchObject({ fromStatus: "IN_REVIEW", toStatus: "FORWARDED", actorId: advisor.userId, reason: "inasti.forwarded:2026-11-20" });
    // INASTI's clock now: no decision of the fund, the queue shows it with INASTI after the running deadlines
    await expectCode(decideRequest(advisor, { requestId: r.id, decision: "accept", reasonCode: "", text: "" }, today), "forwardedToInasti");
    await expectCode(forwardToInasti(advisor, { requestId: r.id, sentOn: today }, today), "transitionNotAllowed");
    const late = await request(a.affiliate.id, "BRIDGING_RIGHT", {});
    const queue = (await listWorkQueue(advisor, {}, today)).items;
    expect(queue.map((i) => [i.id, i.badge])).toEqual([[late.id, "on-time"], [r.id, "forwarded"]]);
    const view = await getRequestForStaff(advisor, r.id, today);
    expect(view).toMatchObject({ decisions: [], badge: "forwarded", inasti: { step: "record", track: { sentOn: "2026-11-20" } } });

    await expectCode(recordInastiDecision(advisor, { requestId: r.id, outcome: "accepted", decidedOn: "2026-11-19", inastiReference: "RSVZ-1", note: "" }, today), "dateBeforeForwarding");
    const before = await balance(a.affiliate.id);
    const out = await recordInastiDecision(advisor, { requestId: r.id, outcome: "accepted", decidedOn: "2026-11-27", inastiReference: "RSVZ-2026-77", note: "Force majeure" }, today);
    expect(out).toEqual({ cancelledCents: 4_000, awaitingSecondApproval: false });
    const done = await prisma.request.findUniqueOrThrow({ where: { id: r.id } });
    expect(done).toMatchObject({ status: "ACCEPTED", decisionReasonCode: "inasti.accepted", decisionText: "RSVZ-2026-77 — Force majeure" });
    expect(done.payload).toMatchObject({ callIds: [a.call.id, other.call.id], inasti: { sentOn: "2026-11-20", decidedOn: "2026-11-27", outcome: "accepted", reference: "RSVZ-2026-77" } });
    const credit = await prisma.ledgerEntry.findUniqueOrThrow({ where: { uniqueKey: `waiver:${r.id}:${a.call.id}` }, include: { allocationsFrom: true } });
    expect(credit).toMatchObject({ kind: "ADJUSTMENT", amountCents: -4_000, callId: a.call.id, reasonCode: "inasti.surchargeWaiver", createdById: advisor.userId });
    expect(credit.allocationsFrom.map((x) => x.amountCents)).toEqual([2_000, 2_000]);
    expect(await balance(a.affiliate.id)).toBe(before - 4_000);
    // the call's outstanding is its principal and fee only again
    expect((await outstandingByCall(a.affiliate.id)).get(a.call.id)).toBe(a.contribution.totalCents);
    // the other dossier's call is untouched
    expect(await prisma.ledgerEntry.count({ where: { affiliateId: other.affiliate.id, kind: "ADJUSTMENT" } })).toBe(0);
    // never twice
    await expectCode(recordInastiDecision(advisor, { requestId: r.id, outcome: "accepted", decidedOn: "2026-11-27", inastiReference: "RSVZ-2026-77", note: "" }, today), "transitionNotAllowed");
    expect(await prisma.ledgerEntry.count({ where: { kind: "ADJUSTMENT" } })).toBe(1);
    expect((await getRequestForStaff(advisor, r.id, today)).inasti).toMatchObject({ step: null, track: { outcome: "accepted" } });
  });

  it("an exemption accepted by INASTI cancels the calls' contribution and fee (not for pension); a refusal changes nothing", async () => {
    const { a } = await withSurcharges();
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR", "anna");
    const accepted = await request(a.affiliate.id, "EXEMPTION", { callIds: [a.call.id], reason: "financialDifficulties", motivation: "Chiffre d'affaires nul." });
    const refused = await request(a.affiliate.id, "EXEMPTION", { callIds: [a.call.id], reason: "financialDifficulties", motivation: "Bis." });
    for (const r of [accepted, refused]) await forwardToInasti(advisor, { requestId: r.id, sentOn: today }, today);

    const before = await balance(a.affiliate.id);
    await recordInastiDecision(advisor, { requestId: refused.id, outcome: "refused", decidedOn: today, inastiReference: "RSVZ-9", note: "" }, today);
    expect((await prisma.request.findUniqueOrThrow({ where: { id: refused.id } })).status).toBe("REFUSED");
    expect(await balance(a.affiliate.id)).toBe(before);

    const out = await recordInastiDecision(advisor, { requestId: accepted.id, outcome: "accepted", decidedOn: today, inastiReference: "RSVZ-10", note: "" }, today);
    expect(out.cancelledCents).toBe(a.contribution.contributionCents + a.contribution.managementFeeCents);
    const adjustments = await prisma.ledgerEntry.findMany({ where: { kind: "ADJUSTMENT" }, orderBy: { id: "asc" } });
    expect(adjustments.map((e) => [e.uniqueKey, e.amountCents, e.reasonCode])).toEqual([
      [`exemption:${accepted.id}:${a.call.id}:principal`, -a.contribution.contributionCents, "inasti.exemption"],
      [`exemption:${accepted.id}:${a.call.id}:fee`, -a.contribution.managementFeeCents, "inasti.exemptionFee"],
    ]);
    expect(adjustments[0].reasonParams).toMatchObject({ countsForPension: false, year: 2026, quarter: 1, inastiReference: "RSVZ-10" });
    expect(await balance(a.affiliate.id)).toBe(before - out.cancelledCents);
    // the principal counts as settled for the surcharge run; the surcharges themselves stay (only a waiver cancels them)
    expect((await outstandingByCall(a.affiliate.id)).get(a.call.id)).toBe(4_000);
    expect(await prisma.auditLog.count({ where: { action: "exemption.notForPension", entityId: accepted.id } })).toBe(1);
  });

  it("a second waiver accepted for an already waived call cancels nothing more: the ledger never credits a surcharge twice", async () => {
    const { a } = await withSurcharges();
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR", "anna");
    const first = await request(a.affiliate.id, "SURCHARGE_WAIVER", { callIds: [a.call.id], ground: "DESERVING", motivation: "Un." });
    await forwardToInasti(advisor, { requestId: first.id, sentOn: today }, today);
    expect(await recordInastiDecision(advisor, { requestId: first.id, outcome: "accepted", decidedOn: today, inastiReference: "RSVZ-1", note: "" }, today)).toEqual({ cancelledCents: 4_000, awaitingSecondApproval: false });
    const afterFirst = await balance(a.affiliate.id);
    const second = await request(a.affiliate.id, "SURCHARGE_WAIVER", { callIds: [a.call.id], ground: "DESERVING", motivation: "Deux." });
    await forwardToInasti(advisor, { requestId: second.id, sentOn: today }, today);
    expect(await recordInastiDecision(advisor, { requestId: second.id, outcome: "accepted", decidedOn: today, inastiReference: "RSVZ-2", note: "" }, today)).toEqual({ cancelledCents: 0, awaitingSecondApproval: false });
    expect(await balance(a.affiliate.id)).toBe(afterFirst);
    expect(await prisma.ledgerEntry.count({ where: { kind: "ADJUSTMENT", callId: a.call.id } })).toBe(1);
    // likewise an exemption accepted twice for one call
    const ex1 = await request(a.affiliate.id, "EXEMPTION", { callIds: [a.call.id], reason: "OTHER", motivation: "Un." });
    const ex2 = await request(a.affiliate.id, "EXEMPTION", { callIds: [a.call.id], reason: "OTHER", motivation: "Deux." });
    for (const r of [ex1, ex2]) await forwardToInasti(advisor, { requestId: r.id, sentOn: today }, today);
    const once = await recordInastiDecision(advisor, { requestId: ex1.id, outcome: "accepted", decidedOn: today, inastiReference: "RSVZ-3", note: "" }, today);
    expect(once.cancelledCents).toBe(a.contribution.contributionCents + a.contribution.managementFeeCents);
    expect(await recordInastiDecision(advisor, { requestId: ex2.id, outcome: "accepted", decidedOn: today, inastiReference: "RSVZ-4", note: "" }, today)).toEqual({ cancelledCents: 0, awaitingSecondApproval: false });
    expect(await balance(a.affiliate.id)).toBe(afterFirst - once.cancelledCents);
  });

  it("recording INASTI's decision: staff without request:decide, affiliates, anonymous and unknown ids get a 404", async () => {
    const { a } = await withSurcharges();
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR", "anna");
    const r = await request(a.affiliate.id, "SURCHARGE_WAIVER", { callIds: [a.call.id], ground: "DESERVING", motivation: "Un." });
    await forwardToInasti(advisor, { requestId: r.id, sentOn: today }, today);
    const input = { requestId: r.id, outcome: "accepted" as const, decidedOn: today, inastiReference: "RSVZ-1", note: "" };
    for (const role of ["MANAGER", "ADMIN"] as const) {
      const { viewer } = await staffUser(prisma, role, role.toLowerCase());
      await expect(recordInastiDecision(viewer, input, today)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(recordInastiDecision(a.viewer, input, today)).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordInastiDecision(null, input, today)).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordInastiDecision(advisor, { ...input, requestId: "missing" }, today)).rejects.toBeInstanceOf(NotFoundError);
    expect((await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("FORWARDED");
    expect(await prisma.ledgerEntry.count({ where: { kind: "ADJUSTMENT" } })).toBe(0);
  });

  it("other request types cannot be forwarded", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR", "anna");
    const r = await request(a.affiliate.id, "PAYMENT_PLAN", { months: 3 });
    await expectCode(forwardToInasti(advisor, { requestId: r.id, sentOn: today }, today), "notInastiRequest");
    expect((await getRequestForStaff(advisor, r.id, today)).inasti).toBeNull();
  });
});

describe("benefit requests on the staff request page", () => {
  it("links the claim to the benefits page and lists the evidence documents", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR", "anna");
    const r = await request(a.affiliate.id, "BRIDGING_RIGHT", {});
    const claim = await prisma.benefitClaim.findUniqueOrThrow({ where: { requestId: r.id } });
    const doc = await prisma.document.create({ data: { affiliateId: a.affiliate.id, requestId: r.id, kind: "EVIDENCE", fileName: "jugement-faillite.pdf", mimeType: "application/pdf", sizeBytes: 4, content: new Uint8Array([37, 80, 68, 70]) } });
    const view = await getRequestForStaff(advisor, r.id, today);
    expect(view.benefitClaimId).toBe(claim.id);
    expect(view.documents).toEqual([expect.objectContaining({ id: doc.id, kind: "EVIDENCE", fileName: "jugement-faillite.pdf" })]);
    const plan = await request(a.affiliate.id, "PAYMENT_PLAN", {});
    expect((await getRequestForStaff(advisor, plan.id, today)).benefitClaimId).toBeNull();
  });
});
