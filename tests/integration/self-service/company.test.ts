// A company login sees its directors and what they owe, since the company answers for it (joint liability).
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall, companyAffiliate, staffUser, UNUSABLE_HASH, viewerOf } from "../helpers/fixtures";
import { getMyCompanyDirectors } from "@/lib/dal/account/get-my-company-directors";
import { NotFoundError } from "@/lib/errors";
import { createUser, dbDate } from "@/prisma/factories";
import { prisma as appPrisma } from "@/lib/db/client";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));

describe("company and its directors", () => {
  it("lists the directors with their overdue contributions, for the company only", async () => {
    const director = await affiliateWithCall(prisma, "Director"); // one call due 2026-03-31, unpaid
    const { company, affiliate } = await companyAffiliate(prisma, "Director Consulting SRL");
    await prisma.companyDirector.create({ data: { companyId: company.id, personId: director.person.id, fromOn: dbDate("2020-01-01") } });
    const login = await createUser(prisma, { email: "company@test.caisse.be", passwordHash: UNUSABLE_HASH, role: "AFFILIATE", name: "Director Consulting SRL", affiliateId: affiliate.id });
    const viewer = viewerOf(login);

    expect(await getMyCompanyDirectors(viewer, "2026-02-01")).toEqual([
      { name: "Test Director", fromOn: "2020-01-01", toOn: null, affiliatedHere: true, openDebtCents: 0 },
    ]);
    expect(await getMyCompanyDirectors(viewer, "2026-04-01")).toMatchObject([{ openDebtCents: director.contribution.totalCents }]);
    // a person's login has no company view; staff and anonymous get not found
    expect(await getMyCompanyDirectors(director.viewer, "2026-04-01")).toBeNull();
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR");
    await expect(getMyCompanyDirectors(advisor, "2026-04-01")).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMyCompanyDirectors(null, "2026-04-01")).rejects.toBeInstanceOf(NotFoundError);
  });
});
