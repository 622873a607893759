// Small, explicit data sets for integration tests, built with the same factories as the demo seed.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { createPersonAffiliate, createUser, dbDate, makeCommunication, makeEnterpriseNumber, makeNiss } from "@/prisma/factories";
import { quarterlyContribution } from "@/lib/domain";
import type { Viewer } from "@/lib/auth/viewer";

// a fixed, cheap hash: these tests never sign in with a password (auth tests hash their own)
export const UNUSABLE_HASH = "$argon2id$v=19$m=19456,t=2,p=1$dW51c2FibGU$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

export function viewerOf(user: { id: string; role: Role; affiliateId: string | null; name: string }): Viewer {
  return { userId: user.id, role: user.role, affiliateId: user.affiliateId, name: user.name };
}

let serial = 0;

/** An affiliate in main occupation with one provisional call (Q1 2026, income 40.000 €) and its login. */
export async function affiliateWithCall(prisma: PrismaClient, lastName: string) {
  serial++;
  const { person, affiliate } = await createPersonAffiliate(prisma, {
    memberNumber: String(500000 + serial),
    niss: makeNiss("1980-05-17", 100 + serial * 2, "F"),
    firstName: "Test",
    lastName,
    birthDate: "1980-05-17",
    sex: "F",
    category: "MAIN",
    startOn: "2015-01-01",
  });
  const c = quarterlyContribution({ year: 2026, category: "main", annualIncomeCents: 4_000_000, managementFeeBp: 305 });
  const call = await prisma.contributionCall.create({
    data: {
      affiliateId: affiliate.id,
      kind: "PROVISIONAL",
      year: 2026,
      quarter: 1,
      category: "MAIN",
      incomeBaseCents: 4_000_000n,
      incomeYear: 2023,
      contributionCents: c.contributionCents,
      managementFeeCents: c.managementFeeCents,
      totalCents: c.totalCents,
      structuredCommunication: makeCommunication(`2611${String(500000 + serial).padStart(6, "0")}`),
      issuedOn: dbDate("2026-01-01"),
      dueOn: dbDate("2026-03-31"),
      breakdown: c.breakdown as never,
    },
  });
  await prisma.ledgerEntry.createMany({
    data: [
      { affiliateId: affiliate.id, kind: "CALL", amountCents: c.contributionCents, bookedOn: dbDate("2026-01-01"), callId: call.id, reasonCode: "call.provisional", reasonParams: { year: 2026, quarter: 1 } },
      { affiliateId: affiliate.id, kind: "FEE", amountCents: c.managementFeeCents, bookedOn: dbDate("2026-01-01"), callId: call.id, reasonCode: "call.managementFee", reasonParams: {} },
    ],
  });
  const user = await createUser(prisma, { email: `${lastName.toLowerCase()}@test.caisse.be`, passwordHash: UNUSABLE_HASH, role: "AFFILIATE", name: `Test ${lastName}`, affiliateId: affiliate.id });
  return { person, affiliate, call, user, viewer: viewerOf(user), contribution: c };
}

export async function staffUser(prisma: PrismaClient, role: Exclude<Role, "AFFILIATE">, name = role.toLowerCase()) {
  const user = await createUser(prisma, { email: `${name}@staff.test.caisse.be`, passwordHash: UNUSABLE_HASH, role, name });
  return { user, viewer: viewerOf(user) };
}

export async function companyAffiliate(prisma: PrismaClient, name: string) {
  serial++;
  const company = await prisma.company.create({
    data: { enterpriseNumber: makeEnterpriseNumber(7_000_000 + serial), name, legalForm: "SRL", createdOn: dbDate("2020-02-02"), street: "Rue 1", postalCode: "1000", city: "Bruxelles" },
  });
  const affiliate = await prisma.affiliate.create({ data: { memberNumber: String(900000 + serial), kind: "COMPANY", companyId: company.id } });
  return { company, affiliate };
}

/** The fund's own row (name, IBAN, creditor identifier…) that letters, notices and payment pages read. */
export function createTestFund(prisma: PrismaClient) {
  return prisma.fund.create({ data: { name: "Caisse test", iban: "BE68539007547034", bic: "GKCCBEBB", creditorId: "BE12ZZZ0456810810", managementFeeBp: 305, address: "Rue 1, 1000 Bruxelles", phone: "02", email: "info@test.be" } });
}
