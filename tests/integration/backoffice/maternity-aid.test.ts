// Rights granted automatically: a birth recorded by an advisor offers the maternity aid at once; the mother only
// confirms, and the vouchers are due within the Charte's 4 months.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { confirmMyMaternityAid } from "@/lib/dal/benefits/confirm-my-maternity-aid";
import { listMyBenefits } from "@/lib/dal/benefits/list-my-benefits";
import { recordBirth } from "@/lib/dal/benefits/record-birth";
import { prisma as appPrisma } from "@/lib/db/client";
import { NotFoundError, refused } from "@/lib/errors";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));

describe("maternity aid offered on a recorded birth", () => {
  it("offers it once per birth, lets only the mother confirm, and sets the 4-month payment deadline", async () => {
    const mother = await affiliateWithCall(prisma, "Mother"); // fixtures make women
    const other = await affiliateWithCall(prisma, "Other");
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR");
    expect(await recordBirth(advisor, { affiliateId: mother.affiliate.id, bornOn: "2026-10-02" }, "2026-10-05")).toEqual({ created: true });
    expect(await recordBirth(advisor, { affiliateId: mother.affiliate.id, bornOn: "2026-10-02" }, "2026-10-06")).toEqual({ created: false });
    const offers = await listMyBenefits(mother.viewer);
    expect(offers).toMatchObject([{ type: "MATERNITY_AID", status: "OFFERED", offeredOn: "2026-10-05" }]);
    expect(await prisma.benefitClaim.findFirstOrThrow()).toMatchObject({ grantedAutomatically: true });
    expect(await listMyBenefits(other.viewer)).toEqual([]);

    await expect(confirmMyMaternityAid(other.viewer, offers[0].id, "2026-10-07")).rejects.toBeInstanceOf(NotFoundError);
    await confirmMyMaternityAid(mother.viewer, offers[0].id, "2026-10-07");
    expect(await listMyBenefits(mother.viewer)).toMatchObject([{ status: "GRANTED", paymentDueOn: "2027-02-07" }]);
    expect(await prisma.auditLog.count({ where: { action: { in: ["birth.record", "benefit.confirm"] } } })).toBe(2);
  });

  it("refuses a future date, a father's dossier, affiliates and unknown dossiers", async () => {
    const mother = await affiliateWithCall(prisma, "Mother");
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR");
    await expect(recordBirth(advisor, { affiliateId: mother.affiliate.id, bornOn: "2026-12-01" }, "2026-10-05")).rejects.toEqual(refused("birthDateInvalid"));
    await prisma.person.update({ where: { id: mother.person.id }, data: { sex: "M" } });
    await expect(recordBirth(advisor, { affiliateId: mother.affiliate.id, bornOn: "2026-10-01" }, "2026-10-05")).rejects.toEqual(refused("notAMother"));
    await expect(recordBirth(mother.viewer, { affiliateId: mother.affiliate.id, bornOn: "2026-10-01" }, "2026-10-05")).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordBirth(advisor, { affiliateId: "nope", bornOn: "2026-10-01" }, "2026-10-05")).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.birth.count()).toBe(0);
  });
});
