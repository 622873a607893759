// Continued insurance and a director's release from joint liability (issue #18 part 2), on a real PostgreSQL: each
// filed with its conditions checked by the domain's rule from the dossier, one pending at a time, another dossier's
// request or company a 404, staff cannot file; accepted, the decision letter is in the dossier and the release is
// recorded by the request (its years are no longer offered).
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPrisma, resetDatabase } from "../helpers/db";
import { affiliateWithCall, companyAffiliate, createTestFund, staffUser, viewerOf } from "../helpers/fixtures";
import { dbDate, makeCommunication } from "@/prisma/factories";
import { getMyContinuedInsuranceOptions } from "@/lib/dal/requests/get-my-continued-insurance-options";
import { requestMyContinuedInsurance } from "@/lib/dal/requests/request-my-continued-insurance";
import { getMyJointLiabilityOptions } from "@/lib/dal/requests/get-my-joint-liability-options";
import { requestMyJointLiabilityRelease } from "@/lib/dal/requests/request-my-joint-liability-release";
import { releasedYears } from "@/lib/dal/internal/joint-liability-release";
import { getMyRequest } from "@/lib/dal/requests/get-my-request";
import { decideRequest } from "@/lib/dal/requests/decide-request";
import { NotFoundError } from "@/lib/errors";
import { prisma as appPrisma } from "@/lib/db/client";

const prisma = createTestPrisma();
afterAll(async () => {
  await prisma.$disconnect();
  await appPrisma.$disconnect();
});
beforeEach(() => resetDatabase(prisma));

const TODAY = "2026-11-28";
const ci = { option: "PENSION_AND_HEALTH" as const, cessationOn: "", quarters: "8", noOtherStatus: true, motivation: "" };

async function accept(requestId: string) {
  await prisma.request.update({ where: { id: requestId }, data: { status: "IN_REVIEW" } });
  const { viewer } = await staffUser(prisma, "ADVISOR", `adv${requestId.slice(-6)}`);
  return decideRequest(viewer, { requestId, decision: "accept", reasonCode: "accepted", text: "" }, TODAY);
}

describe("continued insurance", () => {
  it("reads the end of activity from the dossier, files the period and option, refuses late or unconfirmed requests, and is accepted with its letter", async () => {
    await createTestFund(prisma);
    const d = await affiliateWithCall(prisma, "Stopped");
    // in force: the person gives the date; main occupation since 2015, so the 4 reference quarters are met
    const open = await getMyContinuedInsuranceOptions(d.viewer, TODAY);
    expect(open).toMatchObject({ kind: "open", cessationOn: null });
    expect(open.kind === "open" && open.qualifyingQuarters.at(-1)).toEqual({ year: 2026, quarter: 4 });
    await expect(requestMyContinuedInsurance(d.viewer, TODAY, ci)).rejects.toMatchObject({ fieldErrors: { cessationOn: ["dateRequired"] } });
    await expect(requestMyContinuedInsurance(d.viewer, TODAY, { ...ci, cessationOn: "2025-12-31" })).rejects.toMatchObject({ fieldErrors: { cessationOn: ["continued-too-late"] } });
    await expect(requestMyContinuedInsurance(d.viewer, TODAY, { ...ci, cessationOn: "2026-12-01" })).rejects.toMatchObject({ fieldErrors: { cessationOn: ["continued-cessation-in-future"] } });
    // the affiliation ends on 15 September 2026: the dossier now knows the date
    const af = await prisma.affiliation.findFirstOrThrow({ where: { affiliateId: d.affiliate.id } });
    await prisma.affiliation.update({ where: { id: af.id }, data: { status: "ENDED", endOn: dbDate("2026-09-15") } });
    await prisma.categoryPeriod.updateMany({ where: { affiliationId: af.id }, data: { toOn: dbDate("2026-09-15") } });
    expect(await getMyContinuedInsuranceOptions(d.viewer, TODAY)).toMatchObject({ kind: "open", cessationOn: "2026-09-15" });
    await expect(requestMyContinuedInsurance(d.viewer, TODAY, { ...ci, noOtherStatus: false })).rejects.toMatchObject({ fieldErrors: { noOtherStatus: ["noOtherStatusRequired"] } });
    await expect(requestMyContinuedInsurance(d.viewer, TODAY, { ...ci, quarters: "9" })).rejects.toMatchObject({ fieldErrors: { quarters: ["quartersRange"] } });
    const filed = await requestMyContinuedInsurance(d.viewer, TODAY, { ...ci, cessationOn: "2020-01-01" }); // the dossier's date wins
    expect(filed.decisionDueOn).toBe("2027-03-28");
    const r = await prisma.request.findUniqueOrThrow({ where: { reference: filed.reference } });
    expect(r).toMatchObject({ type: "CONTINUED_INSURANCE", status: "SUBMITTED", affiliateId: d.affiliate.id });
    expect(r.payload).toMatchObject({ option: "PENSION_AND_HEALTH", cessationOn: "2026-09-15", cessationReported: false, quarters: 8, firstQuarter: { year: 2026, quarter: 4 }, lastQuarter: { year: 2028, quarter: 3 } });
    expect(await getMyContinuedInsuranceOptions(d.viewer, TODAY)).toEqual({ kind: "pending", reference: filed.reference });
    await expect(requestMyContinuedInsurance(d.viewer, TODAY, ci)).rejects.toMatchObject({ code: "alreadyPending" });
    // another affiliate cannot read it; staff cannot file one
    const other = await affiliateWithCall(prisma, "Other");
    await expect(getMyRequest(other.viewer, filed.reference)).rejects.toBeInstanceOf(NotFoundError);
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR", "anna");
    await expect(requestMyContinuedInsurance(advisor, TODAY, ci)).rejects.toBeInstanceOf(NotFoundError);
    // accepted: a decision letter, no change to the account
    const before = await prisma.ledgerEntry.count({ where: { affiliateId: d.affiliate.id } });
    await accept(r.id);
    expect(await prisma.request.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ status: "ACCEPTED" });
    expect(await prisma.document.count({ where: { requestId: r.id, kind: "DECISION" } })).toBe(1);
    expect(await prisma.ledgerEntry.count({ where: { affiliateId: d.affiliate.id } })).toBe(before);
  });

  it("a company's dossier cannot ask for it", async () => {
    const c = await companyAffiliate(prisma, "Société");
    const user = await prisma.user.create({ data: { email: "societe@test.caisse.be", passwordHash: "x", role: "AFFILIATE", name: "Société", affiliateId: c.affiliate.id } });
    expect(await getMyContinuedInsuranceOptions(viewerOf(user), TODAY)).toEqual({ kind: "no-affiliation" });
  });
});

describe("release from joint liability", () => {
  async function setting() {
    await createTestFund(prisma);
    const director = await affiliateWithCall(prisma, "Director");
    const { company, affiliate: companyDossier } = await companyAffiliate(prisma, "Acme SRL");
    await prisma.companyDirector.create({ data: { companyId: company.id, personId: director.person.id, fromOn: dbDate("2025-03-01") } });
    for (const year of [2024, 2025, 2026])
      await prisma.contributionCall.create({
        data: {
          affiliateId: companyDossier.id, kind: "COMPANY", year, quarter: 0, contributionCents: 34_798, managementFeeCents: 0, totalCents: 34_798,
          structuredCommunication: makeCommunication(`9${year}${String(year % 100).padStart(5, "0")}`), issuedOn: dbDate(`${year}-06-01`), dueOn: dbDate(`${year}-12-31`), breakdown: {},
        },
      });
    return { director, company, companyDossier };
  }

  it("offers the years of the mandate still in time, files the chosen ones, refuses the others, and an acceptance records the release", async () => {
    const { director, companyDossier } = await setting();
    const o = await getMyJointLiabilityOptions(director.viewer, TODAY);
    expect(o.kind).toBe("open");
    const acme = o.kind === "open" ? o.companies[0] : null;
    expect(acme?.name).toBe("Acme SRL");
    expect(acme?.years.map((y) => [y.year, y.deadlineOn, y.open])).toEqual([
      [2026, "2027-12-31", true],
      [2025, "2026-12-31", true],
      [2024, "2025-12-31", false],
    ]);
    await expect(requestMyJointLiabilityRelease(director.viewer, TODAY, companyDossier.id, { years: ["2024"], motivation: "x".repeat(30) })).rejects.toMatchObject({ fieldErrors: { years: ["jointLiability-not-in-mandate"] } });
    const filed = await requestMyJointLiabilityRelease(director.viewer, TODAY, companyDossier.id, { years: ["2026", "2025"], motivation: "Démission publiée au Moniteur belge." });
    const r = await prisma.request.findUniqueOrThrow({ where: { reference: filed.reference } });
    expect(r).toMatchObject({ type: "JOINT_LIABILITY_RELEASE", status: "SUBMITTED", affiliateId: director.affiliate.id });
    expect(r.payload).toMatchObject({ companyAffiliateId: companyDossier.id, companyName: "Acme SRL", years: [2025, 2026] });
    // the same years again: not offered, refused
    const again = await getMyJointLiabilityOptions(director.viewer, TODAY);
    expect(again.kind === "open" && again.companies[0].years.filter((y) => y.open)).toEqual([]);
    await expect(requestMyJointLiabilityRelease(director.viewer, TODAY, companyDossier.id, { years: ["2025"], motivation: "x".repeat(30) })).rejects.toMatchObject({ fieldErrors: { years: ["jointLiability-already-asked"] } });
    expect(await releasedYears(director.affiliate.id, companyDossier.id)).toEqual([]);
    await accept(r.id);
    expect(await releasedYears(director.affiliate.id, companyDossier.id)).toEqual([2025, 2026]);
    expect(await prisma.document.count({ where: { requestId: r.id, kind: "DECISION" } })).toBe(1);
  });

  it("a company the caller does not direct is a 404; a person without mandate has no company", async () => {
    const { companyDossier } = await setting();
    const stranger = await affiliateWithCall(prisma, "Stranger");
    expect(await getMyJointLiabilityOptions(stranger.viewer, TODAY)).toEqual({ kind: "no-company" });
    await expect(requestMyJointLiabilityRelease(stranger.viewer, TODAY, companyDossier.id, { years: ["2025"], motivation: "x".repeat(30) })).rejects.toBeInstanceOf(NotFoundError);
    const { viewer: advisor } = await staffUser(prisma, "ADVISOR", "bert");
    await expect(requestMyJointLiabilityRelease(advisor, TODAY, companyDossier.id, { years: ["2025"], motivation: "x".repeat(30) })).rejects.toBeInstanceOf(NotFoundError);
  });
});
