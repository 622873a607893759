// Affiliation: a public request becomes a dossier when an advisor accepts it; an already affiliated national
// number is caught; the time from request to affiliation is measured from the events.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall, staffUser } from "../helpers/fixtures";
import { makeNiss } from "@/prisma/factories";
import { fileAffiliationRequest } from "@/lib/dal/affiliation/file-affiliation-request";
import { decideRequest } from "@/lib/dal/requests/decide-request";
import { getRequestForStaff } from "@/lib/dal/requests/get-request-for-staff";
import { affiliationSchema } from "@/lib/schemas/backoffice-affiliation";
import { prisma as appPrisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(async () => {
  await resetDatabase(prisma);
  // the welcome pack prints the fund's IBAN and the first calls need its management fee
  await prisma.fund.create({ data: { name: "Caisse test", iban: "BE68539007547034", bic: "GKCCBEBB", creditorId: "BE12ZZZ0456810810", managementFeeBp: 305, address: "Rue 1", phone: "02", email: "info@test.be" } });
});

const form = (niss: string) => ({
  firstName: "Lea",
  lastName: "Peeters",
  niss,
  email: "lea@example.test",
  phone: "",
  street: "Markt 1",
  postalCode: "9000",
  city: "Gent",
  language: "nl",
  startOn: "2026-12-01",
  category: "MAIN",
  helpedNiss: "",
  enterpriseNumber: "",
  companyName: "",
  iban: "BE48 0011 2345 6727",
  consent: "yes",
});

describe("affiliation", () => {
  it("files a public request once, and the advisor's acceptance creates the dossier", async () => {
    const niss = makeNiss("1990-02-03", 123, "F");
    expect(affiliationSchema.safeParse({ ...form(niss), niss: "12345678901" }).success).toBe(false);
    expect(affiliationSchema.safeParse({ ...form(niss), category: "HELPING_SPOUSE" }).success).toBe(false);
    const input = affiliationSchema.parse(form(`${niss.slice(0, 2)}.${niss.slice(2, 4)}.${niss.slice(4, 6)}-${niss.slice(6, 9)}.${niss.slice(9)}`));
    const { reference } = await fileAffiliationRequest(null, input, "2026-11-28");
    expect(reference).toMatch(/^A-2026-[0-9A-F]{8}$/);
    expect(await fileAffiliationRequest(null, input, "2026-11-28")).toEqual({ reference }); // no duplicate
    const r = await prisma.request.findUniqueOrThrow({ where: { reference } });
    expect(r).toMatchObject({ type: "AFFILIATION", status: "SUBMITTED", affiliateId: null });

    const { viewer } = await staffUser(prisma, "ADVISOR", "anna");
    await decideRequest(viewer, { requestId: r.id, decision: "start-review", reasonCode: "", text: "" }, "2026-11-28");
    await decideRequest(viewer, { requestId: r.id, decision: "accept", reasonCode: "accepted", text: "" }, "2026-11-28");
    const done = await prisma.request.findUniqueOrThrow({ where: { id: r.id }, include: { affiliation: { include: { periods: true } }, affiliate: { include: { person: true } } } });
    expect(done.status).toBe("ACCEPTED");
    expect(done.affiliate).toMatchObject({ kind: "PERSON", language: "nl", refundIban: "BE48001123456727", advisorId: viewer.userId, person: { niss, lastName: "Peeters", sex: "F" } });
    expect(done.affiliate?.person?.birthDate.toISOString().slice(0, 10)).toBe("1990-02-03");
    expect(done.affiliation?.periods).toMatchObject([{ category: "MAIN" }]);
    expect((await getRequestForStaff(viewer, r.id, "2026-11-28")).leadTimeDays).toBe(0);
    // and it has its welcome pack and the call of its first quarter (2026-Q4)
    expect(await prisma.document.count({ where: { affiliateId: done.affiliateId!, kind: "WELCOME_PACK" } })).toBe(1);
    expect((await prisma.contributionCall.findMany({ where: { affiliateId: done.affiliateId! } })).map((c) => `${c.year}-Q${c.quarter}`)).toEqual(["2026-Q4"]);
  });

  it("catches a national number already affiliated and writes nothing", async () => {
    const a = await affiliateWithCall(prisma, "Alpha");
    const { viewer } = await staffUser(prisma, "ADVISOR", "anna");
    const { reference } = await fileAffiliationRequest(null, affiliationSchema.parse(form(a.person.niss)), "2026-11-28");
    const r = await prisma.request.findUniqueOrThrow({ where: { reference } });
    await decideRequest(viewer, { requestId: r.id, decision: "start-review", reasonCode: "", text: "" }, "2026-11-28");
    const error = await decideRequest(viewer, { requestId: r.id, decision: "accept", reasonCode: "", text: "" }, "2026-11-28").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("alreadyAffiliated");
    expect((await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("IN_REVIEW");
    expect(await prisma.affiliation.count()).toBe(1);
  });
});
