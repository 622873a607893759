// The /me regularisation card on a real PostgreSQL: pending years with their status and the domain's forecast
// (calculateRegularisation over the year's provisional calls, legal figures as corrected in LegalParameter), the
// last regularised year with its call or refund, never another affiliate's data; staff and anonymous get a 404.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { companyAffiliate, staffUser, UNUSABLE_HASH, viewerOf } from "../helpers/fixtures";
import { createPersonAffiliate, createUser, dbDate, makeCommunication, makeIban, makeNiss } from "@/prisma/factories";
import { NotFoundError } from "@/lib/errors";
import { prisma as appPrisma } from "@/lib/db/client";
import { calculateRegularisation, parametersFor, quarterlyContribution, withParameterFigures, type QuarterNumber } from "@/lib/domain";
import { getMyRegularisation } from "@/lib/dal/contributions/get-my-regularisation";
import { type PendingYear, type RegularisedYear } from "@/lib/dto/contributions";

const TODAY = "2026-11-28";
const FEE_BP = 305;
const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(async () => {
  await resetDatabase(prisma);
  await prisma.fund.create({
    data: { id: 1, name: "Caisse Test", iban: makeIban("001", 4_242_424), bic: "GEBABEBB", creditorId: "BE69ZZZ0403170701", managementFeeBp: FEE_BP, address: "Rue 1", phone: "0", email: "info@test.be" },
  });
});

let serial = 0;
async function affiliate(lastName: string) {
  serial++;
  const { person, affiliate } = await createPersonAffiliate(prisma, {
    memberNumber: String(610000 + serial),
    niss: makeNiss("1979-03-11", 200 + serial * 2, "M"),
    firstName: "Reg",
    lastName,
    birthDate: "1979-03-11",
    sex: "M",
    category: "MAIN",
    startOn: "2015-01-01",
  });
  const user = await createUser(prisma, { email: `${lastName.toLowerCase()}@reg.test.caisse.be`, passwordHash: UNUSABLE_HASH, role: "AFFILIATE", name: lastName, affiliateId: affiliate.id });
  return { person, affiliate, viewer: viewerOf(user), member: String(610000 + serial) };
}

/** The four provisional calls of a year on an income base, as the quarterly job writes them; returns their contributions. */
async function provisionalYear(affiliateId: string, member: string, year: number, incomeBaseCents: number, quarters: QuarterNumber[] = [1, 2, 3, 4]) {
  const c = quarterlyContribution({ year, category: "main", annualIncomeCents: incomeBaseCents, managementFeeBp: FEE_BP });
  for (const quarter of quarters) {
    await prisma.contributionCall.create({
      data: {
        affiliateId, kind: "PROVISIONAL", year, quarter, category: "MAIN", incomeBaseCents: BigInt(incomeBaseCents), incomeYear: year - 3,
        contributionCents: c.contributionCents, managementFeeCents: c.managementFeeCents, totalCents: c.totalCents,
        structuredCommunication: makeCommunication(`${String(year).slice(2)}${quarter}1${member}`),
        issuedOn: dbDate(`${year}-${String(quarter * 3 - 2).padStart(2, "0")}-01`), dueOn: dbDate(`${year}-12-31`), breakdown: c.breakdown as never,
      },
    });
  }
  return quarters.map((quarter) => ({ quarter, provisionalCents: c.contributionCents }));
}

async function acceptedChange(affiliateId: string, reference: string, year: number, estimatedIncomeCents: number, status: "ACCEPTED" | "SUBMITTED" = "ACCEPTED", type: "REDUCTION" | "INCREASE" = "REDUCTION") {
  await prisma.request.create({
    data: { reference, type, status, affiliateId, payload: { year, estimatedIncomeCents, justification: "test" }, filedOn: dbDate("2026-03-02") },
  });
}

describe("regularisation card", () => {
  it("forecasts a pending year from an accepted reduction with the domain's exact numbers and the corrected legal figures", async () => {
    const a = await affiliate("Alpha");
    const quarters = await provisionalYear(a.affiliate.id, a.member, 2026, 4_000_000);
    await acceptedChange(a.affiliate.id, "D-2026-000001", 2026, 2_500_000);
    // a reduction still under review (another income) and an accepted one for another year are not used
    await acceptedChange(a.affiliate.id, "D-2026-000002", 2026, 3_100_000, "SUBMITTED");
    await acceptedChange(a.affiliate.id, "D-2026-000003", 2025, 1_000_000);

    const r = await getMyRegularisation(a.viewer, TODAY);
    expect(r.applicable).toBe(true);
    expect(r.years).toHaveLength(1);
    const y = r.years[0] as PendingYear;
    const expected = calculateRegularisation({ year: 2026, category: "main", realIncomeCents: 2_500_000, quarters, notifiedOn: TODAY, managementFeeBp: FEE_BP }, parametersFor(2026));
    expect(expected.netCents).toBeLessThan(0); // a reduction: the provisional contributions were too high
    expect(y).toEqual({
      state: "pending",
      year: 2026,
      status: "in-progress",
      expectedFromYear: 2028,
      provisionalCents: quarters.reduce((s, q) => s + q.provisionalCents, 0),
      quartersCalled: 4,
      forecast: {
        basis: { source: "request", incomeCents: 2_500_000, reference: "D-2026-000001", type: "REDUCTION" },
        definitiveCents: expected.quarters.reduce((s, q) => s + q.definitiveCents, 0),
        netCents: expected.netCents,
        kind: "refund",
      },
      noForecastReason: null,
    });

    // a staff correction of a legal figure (LegalParameter) applies to the forecast
    await prisma.legalParameter.create({ data: { year: 2026, key: "contribution.band1RateBp", unit: "bp", value: 1900n, source: "test correction", status: "confirmed" } });
    const corrected = calculateRegularisation(
      { year: 2026, category: "main", realIncomeCents: 2_500_000, quarters, notifiedOn: TODAY, managementFeeBp: FEE_BP },
      withParameterFigures(parametersFor(2026), [{ year: 2026, key: "contribution.band1RateBp", unit: "bp", valueBp: 1900, source: "test correction", status: "confirmed" }]),
    );
    expect(corrected.netCents).not.toBe(expected.netCents);
    const after = (await getMyRegularisation(a.viewer, TODAY)).years[0] as PendingYear;
    expect(after.forecast?.netCents).toBe(corrected.netCents);
  });

  it("shows the last regularised year with its call, pending years with their status, and no estimate without an income", async () => {
    const a = await affiliate("Bravo");
    await provisionalYear(a.affiliate.id, a.member, 2023, 3_000_000);
    await provisionalYear(a.affiliate.id, a.member, 2024, 3_000_000);
    const q2025 = await provisionalYear(a.affiliate.id, a.member, 2025, 3_000_000);
    await provisionalYear(a.affiliate.id, a.member, 2026, 3_000_000, [1, 2]);
    // 2023: regularised long ago with a refund (credited, then paid out) — older, so not shown
    await prisma.ledgerEntry.create({ data: { affiliateId: a.affiliate.id, kind: "ADJUSTMENT", amountCents: -12_345, bookedOn: dbDate("2025-05-15"), reasonCode: "regularisation.refund", reasonParams: { year: 2023, refundCents: 12_345 }, uniqueKey: `regularisation:${a.affiliate.id}:2023` } });
    // 2024: regularised with a supplement call (as the regularisation job writes it), half paid
    const reg = await prisma.contributionCall.create({
      data: {
        affiliateId: a.affiliate.id, kind: "REGULARISATION", year: 2024, quarter: 0, category: "MAIN", incomeBaseCents: 4_200_000n, incomeYear: 2024,
        contributionCents: 200_000, managementFeeCents: 6_100, totalCents: 206_100, structuredCommunication: makeCommunication(`2402${a.member}`),
        issuedOn: dbDate("2026-04-15"), dueOn: dbDate("2026-09-30"), breakdown: [],
      },
    });
    const principal = await prisma.ledgerEntry.create({ data: { affiliateId: a.affiliate.id, kind: "CALL", amountCents: 200_000, bookedOn: dbDate("2026-04-15"), callId: reg.id, reasonCode: "call.regularisation", reasonParams: { year: 2024 } } });
    await prisma.ledgerEntry.create({ data: { affiliateId: a.affiliate.id, kind: "FEE", amountCents: 6_100, bookedOn: dbDate("2026-04-15"), callId: reg.id, reasonCode: "call.managementFee", reasonParams: {} } });
    const payment = await prisma.ledgerEntry.create({ data: { affiliateId: a.affiliate.id, kind: "PAYMENT", amountCents: -100_000, bookedOn: dbDate("2026-05-01"), reasonCode: "payment.received", reasonParams: {} } });
    await prisma.paymentAllocation.create({ data: { paymentEntryId: payment.id, targetEntryId: principal.id, amountCents: 100_000 } });
    // 2025: the tax authority's income is in → forecast on it
    await prisma.incomeRecord.create({ data: { personId: a.person.id, year: 2025, incomeCents: 5_000_000n, source: "tax-authority" } });

    const r = await getMyRegularisation(a.viewer, TODAY);
    expect(r.years.map((y) => [y.year, y.state])).toEqual([[2026, "pending"], [2025, "pending"], [2024, "regularised"]]);
    const [y2026, y2025, y2024] = r.years as [PendingYear, PendingYear, RegularisedYear];
    expect(y2026).toMatchObject({ status: "in-progress", quartersCalled: 2, forecast: null, noForecastReason: "noIncome" });
    const expected = calculateRegularisation({ year: 2025, category: "main", realIncomeCents: 5_000_000, quarters: q2025, notifiedOn: TODAY, managementFeeBp: FEE_BP }, parametersFor(2025));
    expect(expected.netCents).toBeGreaterThan(0);
    expect(y2025).toMatchObject({ status: "income-received", forecast: { basis: { source: "tax-authority", incomeCents: 5_000_000 }, netCents: expected.netCents, kind: "supplement" } });
    expect(y2024).toEqual({
      state: "regularised", year: 2024, outcome: "supplement", callId: reg.id, incomeCents: 4_200_000, totalCents: 206_100, outstandingCents: 106_100, issuedOn: "2026-04-15", dueOn: "2026-09-30",
    });
  });

  it("shows a refund as the last regularisation and waits for the income of a past year without one", async () => {
    const a = await affiliate("Charlie");
    await provisionalYear(a.affiliate.id, a.member, 2024, 3_000_000);
    await provisionalYear(a.affiliate.id, a.member, 2025, 3_000_000);
    await prisma.incomeRecord.create({ data: { personId: a.person.id, year: 2024, incomeCents: 2_000_000n, source: "tax-authority" } });
    // as the demo seed writes it: a credit, then the payout
    await prisma.ledgerEntry.create({ data: { affiliateId: a.affiliate.id, kind: "ADJUSTMENT", amountCents: -54_321, bookedOn: dbDate("2026-06-15"), reasonCode: "regularisation.credit", reasonParams: { year: 2024 } } });
    await prisma.ledgerEntry.create({ data: { affiliateId: a.affiliate.id, kind: "REFUND", amountCents: 54_321, bookedOn: dbDate("2026-07-05"), reasonCode: "regularisation.refund", reasonParams: { year: 2024 } } });
    const r = await getMyRegularisation(a.viewer, TODAY);
    expect(r.years).toEqual([
      expect.objectContaining({ state: "pending", year: 2025, status: "waiting-income", expectedFromYear: 2027, forecast: null, noForecastReason: "noIncome" }),
      { state: "regularised", year: 2024, outcome: "refund", incomeCents: 2_000_000, refundCents: 54_321, bookedOn: "2026-06-15", paidOutOn: "2026-07-05", setOffCents: 0, toPayOutCents: 0 },
    ]);
  });

  it("never shows another affiliate's calls, income, requests or regularisation", async () => {
    const a = await affiliate("Delta");
    const b = await affiliate("Echo");
    await provisionalYear(a.affiliate.id, a.member, 2025, 3_000_000);
    await provisionalYear(b.affiliate.id, b.member, 2025, 6_000_000);
    await provisionalYear(b.affiliate.id, b.member, 2024, 6_000_000);
    await prisma.incomeRecord.create({ data: { personId: b.person.id, year: 2025, incomeCents: 9_000_000n, source: "tax-authority" } });
    await acceptedChange(b.affiliate.id, "D-2026-000009", 2025, 8_000_000, "ACCEPTED", "INCREASE");
    await prisma.ledgerEntry.create({ data: { affiliateId: b.affiliate.id, kind: "ADJUSTMENT", amountCents: -1_000, bookedOn: dbDate("2026-06-15"), reasonCode: "regularisation.refund", reasonParams: { year: 2024 } } });

    const r = await getMyRegularisation(a.viewer, TODAY);
    expect(r.years).toHaveLength(1);
    expect(r.years[0]).toMatchObject({ state: "pending", year: 2025, status: "waiting-income", forecast: null });
    const c = quarterlyContribution({ year: 2025, category: "main", annualIncomeCents: 3_000_000, managementFeeBp: FEE_BP });
    expect((r.years[0] as PendingYear).provisionalCents).toBe(4 * c.contributionCents);
    const rb = await getMyRegularisation(b.viewer, TODAY);
    expect(rb.years.map((y) => y.year)).toEqual([2025, 2024]);
    expect((rb.years[0] as PendingYear).forecast?.basis).toEqual({ source: "tax-authority", incomeCents: 9_000_000 });
  });

  it("answers NotFoundError to staff and anonymous callers, and shows nothing to a company", async () => {
    const a = await affiliate("Foxtrot");
    await provisionalYear(a.affiliate.id, a.member, 2025, 3_000_000);
    for (const role of ["ADVISOR", "MANAGER", "ADMIN"] as const) {
      const { viewer } = await staffUser(prisma, role);
      await expect(getMyRegularisation(viewer, TODAY)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getMyRegularisation(null, TODAY)).rejects.toBeInstanceOf(NotFoundError);
    const co = await companyAffiliate(prisma, "Golf SRL");
    const user = await createUser(prisma, { email: "golf@reg.test.caisse.be", passwordHash: UNUSABLE_HASH, role: "AFFILIATE", name: "Golf", affiliateId: co.affiliate.id });
    expect(await getMyRegularisation(viewerOf(user), TODAY)).toEqual({ applicable: false, years: [] });
  });
});
