// Guarantees the database itself enforces, whatever the application code does.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "./helpers/db";
import { affiliateWithCall } from "./helpers/fixtures";
import { dbDate } from "@/prisma/factories";

const prisma = createTestPrisma();
afterAll(() => prisma.$disconnect());
beforeEach(() => resetDatabase(prisma));

describe("database rules", () => {
  it("keeps one call per affiliate, year, quarter and kind", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const { id: _id, createdAt: _c, ...copy } = a.call;
    await expect(prisma.contributionCall.create({ data: { ...copy, breakdown: [], structuredCommunication: "000000000097" } })).rejects.toThrow(/Unique constraint/);
  });

  it("refuses to change or delete a ledger entry", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const entry = await prisma.ledgerEntry.findFirstOrThrow({ where: { affiliateId: a.affiliate.id } });
    await expect(prisma.ledgerEntry.update({ where: { id: entry.id }, data: { amountCents: 1 } })).rejects.toThrow(/immutable/);
    await expect(prisma.ledgerEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/immutable/);
  });

  it("checks the sign of ledger amounts and the arithmetic of calls", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    await expect(
      prisma.ledgerEntry.create({ data: { affiliateId: a.affiliate.id, kind: "PAYMENT", amountCents: 100, bookedOn: dbDate("2026-02-01"), reasonCode: "payment.received" } }),
    ).rejects.toThrow(/LedgerEntry_sign/);
    await expect(
      prisma.contributionCall.create({
        data: { affiliateId: a.affiliate.id, kind: "PROVISIONAL", year: 2026, quarter: 2, contributionCents: 100, managementFeeCents: 3, totalCents: 104, structuredCommunication: "000000000194", issuedOn: dbDate("2026-04-01"), dueOn: dbDate("2026-06-30"), breakdown: [] },
      }),
    ).rejects.toThrow(/ContributionCall_amounts/);
  });

  it("refuses a national register number that is not 11 digits", async () => {
    await expect(
      prisma.person.create({ data: { niss: "85.07.30-03", firstName: "A", lastName: "B", birthDate: dbDate("1985-07-30"), sex: "F", street: "s", postalCode: "1000", city: "c" } }),
    ).rejects.toThrow(/Person_niss_digits/);
  });
});
