// An accepted reduction or increase takes effect at once (issue #13 part 2): the year's issued calls are re-issued
// on the chosen income, the account gets explained adjustments, the affiliate reads the new amounts and receives a
// decision letter — on a real PostgreSQL, with two advisors deciding at once.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { dbDate } from "@/prisma/factories";
import { decideRequest } from "@/lib/dal/requests/decide-request";
import { requestMyContributionChange } from "@/lib/dal/contributions/request-my-contribution-change";
import { getMyCall } from "@/lib/dal/account/get-my-call";
import { outstandingByCall } from "@/lib/dal/internal/owed";
import { quarterlyContribution } from "@/lib/domain";
import { prisma as appPrisma } from "@/lib/db/client";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));

const at = (income: number) => quarterlyContribution({ year: 2026, category: "main", annualIncomeCents: income, managementFeeBp: 305 });

/** Julie-like dossier: Q1 2026 paid in full, Q2 2026 issued and not yet due, a reduction to 20 000 € in review. */
async function dossier(name: string) {
  const a = await affiliateWithCall(prisma, name);
  await prisma.fund.upsert({ where: { id: 1 }, update: {}, create: { name: "Caisse test", iban: "BE71096123456769", bic: "GKCCBEBB", creditorId: "BE69ZZZ0123456789", managementFeeBp: 305, address: "Rue 1, 1000 Bruxelles", phone: "02 000 00 00", email: "info@test.be" } });
  const c = a.contribution;
  const q2 = await prisma.contributionCall.create({
    data: {
      affiliateId: a.affiliate.id, kind: "PROVISIONAL", year: 2026, quarter: 2, category: "MAIN", incomeBaseCents: 4_000_000n, incomeYear: 2023,
      contributionCents: c.contributionCents, managementFeeCents: c.managementFeeCents, totalCents: c.totalCents,
      structuredCommunication: a.call.structuredCommunication.slice(0, 3) + "2" + a.call.structuredCommunication.slice(4, 10) + "00",
      issuedOn: dbDate("2026-04-01"), dueOn: dbDate("2026-06-30"), breakdown: c.breakdown as never,
    },
  });
  await prisma.ledgerEntry.createMany({
    data: [
      { affiliateId: a.affiliate.id, kind: "CALL", amountCents: c.contributionCents, bookedOn: dbDate("2026-04-01"), callId: q2.id, reasonCode: "call.provisional", reasonParams: { year: 2026, quarter: 2 } },
      { affiliateId: a.affiliate.id, kind: "FEE", amountCents: c.managementFeeCents, bookedOn: dbDate("2026-04-01"), callId: q2.id, reasonCode: "call.managementFee", reasonParams: {} },
    ],
  });
  // Q1 paid in full
  const payment = await prisma.ledgerEntry.create({ data: { affiliateId: a.affiliate.id, kind: "PAYMENT", amountCents: -c.totalCents, bookedOn: dbDate("2026-03-20"), valueOn: dbDate("2026-03-20"), reasonCode: "payment.received", reasonParams: {} } });
  const q1Debits = await prisma.ledgerEntry.findMany({ where: { callId: a.call.id }, orderBy: { id: "asc" } });
  await prisma.paymentAllocation.createMany({ data: q1Debits.map((d) => ({ paymentEntryId: payment.id, targetEntryId: d.id, amountCents: d.amountCents })) });
  const request = await prisma.request.create({
    data: {
      reference: `R-2026-${name}`, type: "REDUCTION", status: "IN_REVIEW", affiliateId: a.affiliate.id, filedOn: dbDate("2026-05-04"), decisionDueOn: dbDate("2026-09-04"),
      payload: { year: 2026, estimatedIncomeCents: 2_000_000, currentQuarterlyCents: c.totalCents, newQuarterlyCents: at(2_000_000).totalCents, justification: "Perte d'un client" },
      events: { create: [{ toStatus: "SUBMITTED" }] },
    },
  });
  return { ...a, q2, request };
}

describe("an accepted reduction takes effect at once", () => {
  it("re-issues the year's calls, credits the difference, shows the new amount and writes the acceptance letter", async () => {
    const d = await dossier("Reduc");
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR", "anna");
    const before = at(4_000_000);
    const after = at(2_000_000);
    expect(after.totalCents).toBeLessThan(before.totalCents);
    await decideRequest(advisor, { requestId: d.request.id, decision: "accept", reasonCode: "accepted", text: "Perte du principal client documentée" }, "2026-05-10");

    // Q2 (not yet due): the affiliate now owes the new amount, explained by the chosen income and the adjustments
    const q2 = await getMyCall(d.viewer, d.q2.id);
    expect(q2.totalCents).toBe(after.totalCents);
    expect(q2.outstandingCents).toBe(after.totalCents);
    expect(q2.breakdown[0]).toMatchObject({ code: "income.chosen", amountCents: 2_000_000 });
    expect(q2.entries.filter((e) => e.kind === "ADJUSTMENT").map((e) => [e.reasonCode, e.amountCents, e.reasonParams.reference])).toEqual([
      ["change.contribution", after.contributionCents - before.contributionCents, d.request.reference],
      ["change.managementFee", after.managementFeeCents - before.managementFeeCents, d.request.reference],
    ]);
    // Q1 (already paid): re-issued too, the difference is a credit on the account (nothing owed, nothing lost)
    const q1 = await prisma.contributionCall.findUniqueOrThrow({ where: { id: d.call.id } });
    expect(q1.contributionCents).toBe(after.contributionCents);
    const owed = await outstandingByCall(d.affiliate.id);
    expect(owed.get(d.call.id) ?? 0).toBe(0);
    const balance = await prisma.ledgerEntry.aggregate({ where: { affiliateId: d.affiliate.id }, _sum: { amountCents: true } });
    expect(balance._sum.amountCents).toBe(after.totalCents - (before.totalCents - after.totalCents)); // Q2 new amount less Q1's credit
    // the decision letter is in the dossier
    const letter = await prisma.document.findFirstOrThrow({ where: { requestId: d.request.id, kind: "DECISION" } });
    expect(letter.sizeBytes).toBeGreaterThan(1000);
  });

  it("two advisors accepting at once: one decision, one set of adjustments", async () => {
    const d = await dossier("Twice");
    const { viewer: anna } = await staffUser(prisma, "ADVISOR", "anna");
    const { viewer: bert } = await staffUser(prisma, "ADVISOR", "bert");
    const input = { requestId: d.request.id, decision: "accept" as const, reasonCode: "accepted", text: "" };
    const results = await Promise.allSettled([decideRequest(anna, input, "2026-05-10"), decideRequest(bert, input, "2026-05-10")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.ledgerEntry.count({ where: { affiliateId: d.affiliate.id, kind: "ADJUSTMENT" } })).toBe(4); // 2 calls × (contribution, fee)
    expect(await prisma.document.count({ where: { requestId: d.request.id, kind: "DECISION" } })).toBe(1);
  });

  it("a refusal changes nothing on the account and writes the refusal letter", async () => {
    const d = await dossier("Refus");
    const { viewer: anna } = await staffUser(prisma, "ADVISOR", "anna");
    const { viewer: bert } = await staffUser(prisma, "ADVISOR", "bert");
    await decideRequest(anna, { requestId: d.request.id, decision: "refuse", reasonCode: "noObjectiveElements", text: "" }, "2026-05-10");
    const { approveSecond } = await import("@/lib/dal/requests/approve-second");
    await approveSecond(bert, { requestId: d.request.id, approve: true, reason: "" }, "2026-05-11");
    expect(await prisma.ledgerEntry.count({ where: { affiliateId: d.affiliate.id, kind: "ADJUSTMENT" } })).toBe(0);
    expect((await prisma.contributionCall.findUniqueOrThrow({ where: { id: d.q2.id } })).totalCents).toBe(at(4_000_000).totalCents);
    expect(await prisma.document.count({ where: { requestId: d.request.id, kind: "DECISION" } })).toBe(1);
  });
});

describe("an increase is accepted at filing and takes effect at once", () => {
  it("raises the year's issued calls by a supplement the affiliate owes", async () => {
    const d = await dossier("Hausse");
    await prisma.request.update({ where: { id: d.request.id }, data: { status: "WITHDRAWN" } });
    const filed = await requestMyContributionChange(d.viewer, "2026-05-10", { estimatedIncomeCents: 8_000_000, justification: "Nouveau contrat" });
    expect(filed.status).toBe("ACCEPTED");
    const up = at(8_000_000);
    const q2 = await getMyCall(d.viewer, d.q2.id);
    expect(q2.totalCents).toBe(up.totalCents);
    expect(q2.outstandingCents).toBe(up.totalCents);
    // Q1 was paid at the old amount: the supplement is owed on it
    expect((await outstandingByCall(d.affiliate.id)).get(d.call.id)).toBe(up.totalCents - at(4_000_000).totalCents);
    const r = await prisma.request.findUniqueOrThrow({ where: { reference: filed.reference } });
    expect(await prisma.document.count({ where: { requestId: r.id, kind: "DECISION" } })).toBe(1);
  });
});
