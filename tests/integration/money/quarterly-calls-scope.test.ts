// Quarterly calls, on a real PostgreSQL: the single-dossier run (first calls issued when an advisor processes an
// affiliation) touches that dossier only, and an increase filed by the affiliate through the self-service
// (requestMyContributionChange, accepted at once) sets the income base of the next quarter's call and re-issues the
// calls of the year already issued.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { UNUSABLE_HASH, viewerOf } from "../helpers/fixtures";
import { createPersonAffiliate, createUser, makeNiss } from "@/prisma/factories";
import { parametersFor, quarterlyContribution } from "@/lib/domain";
import { quarterlyCallsJob } from "@/lib/jobs/quarterly-calls";
import { runJob } from "@/lib/jobs/runner";
import { requestMyContributionChange } from "@/lib/dal/contributions/request-my-contribution-change";
import { prisma as appPrisma } from "@/lib/db/client";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));

async function fund() {
  await prisma.fund.create({ data: { name: "Caisse test", iban: "BE68539007547034", bic: "GKCCBEBB", creditorId: "BE12ZZZ0456810810", managementFeeBp: 305, address: "Rue 1", phone: "02", email: "info@test.be" } });
}

async function person(i: number, incomeCents: number, extra: { email?: string; language?: "fr" | "nl" } = {}) {
  const { person: p, affiliate } = await createPersonAffiliate(prisma, {
    memberNumber: String(410000 + i), niss: makeNiss("1979-04-0" + (i + 1), 21 + 2 * i, "F"), firstName: `S${i}`, lastName: "Scope",
    birthDate: "1979-04-0" + (i + 1), sex: "F", category: "MAIN", startOn: "2014-01-01", ...extra,
  });
  await prisma.incomeRecord.create({ data: { personId: p.id, year: 2023, incomeCents: BigInt(incomeCents), source: "seed" } });
  return affiliate;
}

describe("quarterly-calls scope and chosen income", () => {
  it("queues one e-mail per new call, in the dossier's language, only for dossiers that want e-mails and have an address; never twice", async () => {
    await fund();
    const fr = await person(0, 3_000_000, { email: "anne@example.test", language: "fr" });
    const nl = await person(1, 3_000_000, { email: "an@example.test", language: "nl" });
    const optedOut = await person(2, 3_000_000, { email: "noemail@example.test" });
    await prisma.affiliate.update({ where: { id: optedOut.id }, data: { notificationPrefs: { email: false, sms: false, paper: true } } });
    await person(3, 3_000_000); // no address
    const dry = await runJob(quarterlyCallsJob, { quarter: "2026-Q1" }, { prisma, today: "2026-01-02", dryRun: true });
    expect(dry.ok && dry.result.counts.emailsQueued).toBe(0);
    expect(await prisma.outboundEmail.count()).toBe(0);
    const out = await runJob(quarterlyCallsJob, { quarter: "2026-Q1" }, { prisma, today: "2026-01-02" });
    expect(out.ok && out.result.counts).toMatchObject({ created: 4, emailsQueued: 2 });
    const mails = await prisma.outboundEmail.findMany({ orderBy: { to: "asc" } });
    const calls = new Map((await prisma.contributionCall.findMany()).map((c) => [c.affiliateId, c.id]));
    expect(mails.map((m) => [m.to, m.affiliateId, m.uniqueKey, m.template, m.sentAt])).toEqual([
      ["an@example.test", nl.id, `call:${calls.get(nl.id)}`, "call.issued", null],
      ["anne@example.test", fr.id, `call:${calls.get(fr.id)}`, "call.issued", null],
    ]);
    expect(mails[1].subject).toContain("du 1er trimestre 2026");
    expect(mails[1].text).toContain("31/03/2026");
    expect(mails[1].text).toMatch(/1er trimestre 2026/);
    expect(mails[0].text).toMatch(/1e kwartaal 2026/);
    expect(mails[0].subject).not.toBe(mails[1].subject);
    // a rerun creates no call and no e-mail
    const again = await runJob(quarterlyCallsJob, { quarter: "2026-Q1" }, { prisma, today: "2026-01-02" });
    expect(again.ok && again.result.counts).toMatchObject({ created: 0, emailsQueued: 0 });
    expect(await prisma.outboundEmail.count()).toBe(2);
  });

  it("a single-dossier run creates that dossier's call only; the full run then does the others and skips it", async () => {
    await fund();
    const [a, b, c] = [await person(0, 3_000_000), await person(1, 3_500_000, { email: "b@example.test" }), await person(2, 4_000_000)];
    expect(quarterlyCallsJob.parse({ quarter: "2026-Q1", affiliateId: b.id }, [])).toEqual({ quarter: "2026-Q1", affiliateId: b.id });
    const one = await runJob(quarterlyCallsJob, { quarter: "2026-Q1", affiliateId: b.id }, { prisma, today: "2026-01-02" });
    expect(one.ok && one.result.counts).toMatchObject({ subjects: 1, created: 1 });
    expect((await prisma.contributionCall.findMany()).map((x) => x.affiliateId)).toEqual([b.id]);
    expect(await prisma.ledgerEntry.count()).toBe(2);
    expect(await prisma.outboundEmail.count()).toBe(0); // at affiliation the welcome e-mail announces the calls
    const run = await prisma.jobRun.findUniqueOrThrow({ where: { id: one.jobRunId } });
    expect(run.params).toMatchObject({ quarter: "2026-Q1", affiliateId: b.id });
    // the same dossier again: nothing; an unknown dossier: nothing
    const again = await runJob(quarterlyCallsJob, { quarter: "2026-Q1", affiliateId: b.id }, { prisma, today: "2026-01-02" });
    expect(again.ok && again.result.counts).toMatchObject({ subjects: 0, created: 0 });
    const none = await runJob(quarterlyCallsJob, { quarter: "2026-Q1", affiliateId: "no-such-dossier" }, { prisma, today: "2026-01-02" });
    expect(none.ok && none.result.counts).toMatchObject({ subjects: 0, created: 0 });
    const all = await runJob(quarterlyCallsJob, { quarter: "2026-Q1" }, { prisma, today: "2026-01-02" });
    expect(all.ok && all.result.counts).toMatchObject({ subjects: 2, created: 2 });
    expect((await prisma.contributionCall.findMany({ orderBy: { affiliateId: "asc" } })).map((x) => x.affiliateId).sort()).toEqual([a.id, b.id, c.id].sort());
  });

  it("an increase filed through requestMyContributionChange changes the next quarter's call (and only the filer's)", async () => {
    await fund();
    const filer = await person(0, 2_000_000);
    const other = await person(1, 2_000_000);
    expect((await runJob(quarterlyCallsJob, { quarter: "2026-Q1" }, { prisma, today: "2026-01-02" })).ok).toBe(true);
    const q1 = await prisma.contributionCall.findFirstOrThrow({ where: { affiliateId: filer.id, quarter: 1 } });
    const user = await createUser(prisma, { email: "scope-filer@test.caisse.be", passwordHash: UNUSABLE_HASH, role: "AFFILIATE", name: "S0 Scope", affiliateId: filer.id });
    const filed = await requestMyContributionChange(viewerOf(user), "2026-02-10", { estimatedIncomeCents: 7_000_000, justification: "Nouveau contrat" });
    expect(filed).toMatchObject({ status: "ACCEPTED" });
    expect(await prisma.request.findFirstOrThrow({ where: { affiliateId: filer.id } })).toMatchObject({ type: "INCREASE", status: "ACCEPTED" });

    expect((await runJob(quarterlyCallsJob, { quarter: "2026-Q2" }, { prisma, today: "2026-03-20" })).ok).toBe(true);
    const q2 = await prisma.contributionCall.findFirstOrThrow({ where: { affiliateId: filer.id, quarter: 2 } });
    const expected = quarterlyContribution({ year: 2026, category: "main", annualIncomeCents: 7_000_000, primoStarter: false, managementFeeBp: 305 }, parametersFor(2026));
    expect(q2).toMatchObject({ incomeBaseCents: 7_000_000n, incomeYear: 2026, contributionCents: expected.contributionCents, totalCents: expected.totalCents });
    expect(q2.totalCents).toBeGreaterThan(q1.totalCents);
    expect(q2.breakdown).toEqual(expect.arrayContaining([expect.objectContaining({ code: "income.chosen", amountCents: 7_000_000 })]));
    // the other dossier keeps its N-3 base: same call as in Q1
    const [o1, o2] = await Promise.all([1, 2].map((quarter) => prisma.contributionCall.findFirstOrThrow({ where: { affiliateId: other.id, quarter } })));
    expect(o2.totalCents).toBe(o1.totalCents);
    expect(o2.incomeYear).toBe(2023);
    // the Q1 call already issued is re-issued on the chosen income, the supplement explained on the account (#13)
    expect((await prisma.contributionCall.findUniqueOrThrow({ where: { id: q1.id } })).totalCents).toBe(expected.totalCents);
    const supplement = await prisma.ledgerEntry.aggregate({ where: { callId: q1.id, kind: "ADJUSTMENT" }, _sum: { amountCents: true } });
    expect(supplement._sum.amountCents).toBe(expected.totalCents - q1.totalCents);
  });
});
