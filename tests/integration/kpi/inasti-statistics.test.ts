// The INASTI statistics file on a known history (issue #14 part 6): every figure of the file, companies included,
// from the documented queries — a person affiliated since 2015, one who starts in Q2 and ends in Q3, a company liable
// for its 2026 contribution (no affiliation row: a company is affiliated through its company contribution), a
// payment, a surcharge, an exemption decision and a benefit payment, each in a known quarter.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall, companyAffiliate, staffUser } from "../helpers/fixtures";
import { createPersonAffiliate, dbDate, makeNiss } from "@/prisma/factories";
import { prisma as appPrisma } from "@/lib/db/client";
import { getInastiStatistics } from "@/lib/dal/dashboards/get-inasti-statistics";
import { INASTI_FIGURES } from "@/lib/kpi/inasti";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));

describe("INASTI statistics on a known history", () => {
  it("reports every figure per quarter, companies included", async () => {
    const a = await affiliateWithCall(prisma, "Alpha"); // MAIN since 2015, Q1 2026 call due 31/03
    const { affiliate: starter } = await createPersonAffiliate(prisma, {
      memberNumber: "777001", niss: makeNiss("1990-02-02", 401, "M"), firstName: "Sam", lastName: "Starter", birthDate: "1990-02-02", sex: "M", category: "COMPLEMENTARY", startOn: "2026-04-15",
    });
    await prisma.affiliation.updateMany({ where: { affiliateId: starter.id }, data: { endOn: dbDate("2026-08-31"), status: "ENDED" } });
    const { affiliate: company } = await companyAffiliate(prisma, "Société Test SRL");
    await prisma.contributionCall.create({
      data: { affiliateId: company.id, kind: "COMPANY", year: 2026, quarter: 0, contributionCents: 86_815, managementFeeCents: 0, totalCents: 86_815, structuredCommunication: "260000777097", issuedOn: dbDate("2026-05-01"), dueOn: dbDate("2026-06-30"), breakdown: [] },
    });
    // Alpha pays her Q1 call in full in Q2 (booked 10/04), and gets a surcharge booked in Q2
    const debits = await prisma.ledgerEntry.findMany({ where: { callId: a.call.id }, orderBy: { id: "asc" } });
    const pay = await prisma.ledgerEntry.create({ data: { affiliateId: a.affiliate.id, kind: "PAYMENT", amountCents: -a.contribution.totalCents, bookedOn: dbDate("2026-04-10"), valueOn: dbDate("2026-04-10"), reasonCode: "payment.received", reasonParams: {} } });
    await prisma.paymentAllocation.createMany({ data: debits.map((d) => ({ paymentEntryId: pay.id, targetEntryId: d.id, amountCents: d.amountCents })) });
    await prisma.ledgerEntry.create({ data: { affiliateId: a.affiliate.id, kind: "SURCHARGE", amountCents: 1_234, bookedOn: dbDate("2026-04-01"), callId: a.call.id, reasonCode: "surcharge.quarterly", reasonParams: {} } });
    // an exemption refused in Q3, a bridging-right payment in Q4
    await prisma.request.create({ data: { reference: "T-EX-1", type: "EXEMPTION", status: "REFUSED", affiliateId: a.affiliate.id, filedOn: dbDate("2026-06-01"), decidedAt: new Date("2026-08-20T10:00:00Z") } });
    // a bridging-right request and its claim are written together (the database checks every such request has its claim)
    const claim = await prisma.$transaction(async (tx) => {
      const bridging = await tx.request.create({ data: { reference: "T-BR-1", type: "BRIDGING_RIGHT", status: "ACCEPTED", affiliateId: a.affiliate.id, filedOn: dbDate("2026-09-01") } });
      return tx.benefitClaim.create({ data: { affiliateId: a.affiliate.id, type: "BRIDGING_RIGHT", status: "PAID", requestId: bridging.id, monthlyAmountCents: 200_000 } });
    });
    await prisma.benefitPayment.create({ data: { claimId: claim.id, amountCents: 200_000, interestCents: 321, paidOn: dbDate("2026-11-05") } });

    const { viewer: manager } = await staffUser(prisma, "MANAGER");
    const figures = await getInastiStatistics(manager, 2026);
    const get = (figure: string, quarter: number, key: string) => figures.find((f) => f.figure === figure && f.quarter === quarter && f.key === key)?.value;

    expect([1, 2, 3, 4].map((q) => get("affiliates_active", q, "MAIN"))).toEqual([1, 1, 1, 1]);
    expect([1, 2, 3, 4].map((q) => get("affiliates_active", q, "COMPLEMENTARY"))).toEqual([undefined, 1, undefined, undefined]);
    expect(get("affiliates_started", 2, "COMPLEMENTARY")).toBe(1);
    expect(get("affiliates_ended", 3, "COMPLEMENTARY")).toBe(1);
    expect([1, 2, 3, 4].map((q) => get("companies_active", q, "COMPANY"))).toEqual([1, 1, 1, 1]);
    expect(get("contributions_called", 1, "PROVISIONAL")).toBe(a.contribution.totalCents);
    expect(get("contributions_called", 2, "COMPANY")).toBe(86_815);
    expect(get("contributions_collected", 2, "PROVISIONAL")).toBe(a.contribution.totalCents);
    expect(get("contributions_collected", 1, "PROVISIONAL")).toBeUndefined();
    expect(get("surcharges", 2, "SURCHARGE")).toBe(1_234);
    expect(get("surcharges", 1, "SURCHARGE")).toBe(0);
    expect(get("exemptions_decided", 3, "REFUSED")).toBe(1);
    expect(get("benefits_paid_count", 4, "BRIDGING_RIGHT")).toBe(1);
    expect(get("benefits_paid_amount", 4, "BRIDGING_RIGHT")).toBe(200_000);
    expect(get("benefits_interest", 4, "BRIDGING_RIGHT")).toBe(321);
    // every figure of the file was checked above
    expect(new Set(figures.map((f) => f.figure))).toEqual(new Set(INASTI_FIGURES));
  });
});
